import { createHmac } from 'node:crypto';
import { request } from 'node:http';

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

let tsCounter = 0;

/** A fresh Slack message timestamp ("seconds.micros"), unique within the run. */
export function freshTs(): string {
  tsCounter += 1;
  return `${Math.floor(Date.now() / 1000)}.${String(tsCounter).padStart(6, '0')}`;
}

/** An `app_mention` event, as Slack sends it. */
export function mentionEvent(text: string, opts: { ts?: string; threadTs?: string; channel?: string; user?: string } = {}): Record<string, unknown> {
  const ts = opts.ts ?? freshTs();
  return {
    type: 'app_mention', user: opts.user ?? 'U0000042', text, ts, channel: opts.channel ?? 'C0TECHLEAD', event_ts: ts,
    ...(opts.threadTs ? { thread_ts: opts.threadTs } : {}),
  };
}

/** A `message` event (a DM by default); `extra` adds or overrides fields (subtype, bot_id...). */
export function messageEvent(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = freshTs();
  return { type: 'message', channel: 'D0000042', channel_type: 'im', user: 'U0000042', text, ts, event_ts: ts, ...extra };
}

export interface ButtonClick {
  value: string;
  actionId?: string;
  channel: string;
  /** The ts of the message holding the button. */
  messageTs?: string;
  /** Set when that message is in a thread. */
  threadTs?: string;
  responseUrl: string;
  /** A button under an ephemeral message (an offer to a mention): Slack sends its container, but no message. */
  ephemeral?: boolean;
}

/** A `block_actions` payload for a click on an "Also:" button. */
export function blockActionsPayload(click: ButtonClick): Record<string, unknown> {
  const messageTs = click.messageTs ?? freshTs();
  const actionTs = freshTs();
  return {
    type: 'block_actions',
    user: { id: 'U0000042', username: 'alex', name: 'alex', team_id: 'T0000001' },
    api_app_id: 'A0000001',
    token: 'deprecated',
    container: { type: 'message', message_ts: messageTs, channel_id: click.channel, is_ephemeral: !!click.ephemeral, ...(click.threadTs ? { thread_ts: click.threadTs } : {}) },
    trigger_id: '1.2.3',
    team: { id: 'T0000001', domain: 'govuk' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: click.channel, name: click.channel.startsWith('D') ? 'directmessage' : 'govuk-tech-leads' },
    ...(click.ephemeral
      ? {}
      : { message: { type: 'message', user: 'UBOT0001', bot_id: 'BBOT0001', text: 'an answer', ts: messageTs, ...(click.threadTs ? { thread_ts: click.threadTs } : {}) } }),
    state: { values: {} },
    response_url: click.responseUrl,
    actions: [{
      action_id: click.actionId ?? 'show_section:0', block_id: 'alternatives', text: { type: 'plain_text', text: 'Also: a section', emoji: false },
      value: click.value, type: 'button', action_ts: actionTs,
    }],
  };
}

/**
 * A raw POST with a body of `size` bytes, sent with node:http so that an early answer (a 413
 * before the body is read) is seen instead of a write error.
 */
export async function postRaw(baseUrl: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number }> {
  const url = new URL(`${baseUrl}/slack/events`);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { ...headers, 'content-length': String(body.length), connection: 'close' } },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0 });
      },
    );
    // The server may answer and close before it has read everything we send.
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE' && err.code !== 'ECONNRESET') reject(err);
    });
    req.setTimeout(10_000, () => req.destroy(new Error('timed out')));
    req.end(body);
  });
}
