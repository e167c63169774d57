import { createHmac } from 'node:crypto';

/** Slack's request signature: v0=HMAC-SHA256(secret, "v0:{timestamp}:{body}"). */
export function sign(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

export function commandBody(text: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: 'deprecated', team_id: 'T0000001', team_domain: 'govuk', channel_id: 'C0TECHLEAD', channel_name: 'govuk-tech-leads',
    user_id: 'U0000042', user_name: 'alex', command: '/techlead', text, api_app_id: 'A0000001',
    response_url: 'http://127.0.0.1:9/unused', trigger_id: '1.2.3', ...extra,
  }).toString();
}

let eventCounter = 0;

/** An Events API envelope around an event. */
export function eventBody(event: Record<string, unknown>, eventId = `Ev${Date.now()}${++eventCounter}`): string {
  return JSON.stringify({
    token: 'deprecated', team_id: 'T0000001', api_app_id: 'A0000001', type: 'event_callback', event_id: eventId,
    event_time: Math.floor(Date.now() / 1000), authorizations: [{ team_id: 'T0000001', user_id: 'UBOT0001', is_bot: true }],
    event,
  });
}

export function actionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface PostOptions {
  secret: string;
  contentType?: string;
  headers?: Record<string, string>;
  timestamp?: number;
  /** Skip signing entirely. */
  unsigned?: boolean;
}

export async function postToSlackEndpoint(baseUrl: string, body: string, opts: PostOptions): Promise<{ status: number; text: string; json: unknown }> {
  const contentType = opts.contentType ?? (body.startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded');
  const headers: Record<string, string> = { 'content-type': contentType, ...(opts.unsigned ? {} : sign(opts.secret, body, opts.timestamp)), ...opts.headers };
  const res = await fetch(`${baseUrl}/slack/events`, { method: 'POST', body, headers, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}
