import type { AppLogger } from '../logger.js';
import type { InFlight } from './inFlight.js';

/**
 * What a failed Slack call says, as log fields: the Web API client's error code, Slack's own
 * error (`invalid_auth`, `not_in_channel`), the HTTP status, the message. Anything can be thrown,
 * undefined included (@slack/socket-mode rejects with nothing when a connection closes early).
 */
export function slackErrorOf(err: unknown): { code?: string; slackError?: string; status?: number; error?: string } {
  const e = (err ?? {}) as { code?: string; data?: { error?: string }; statusCode?: number; message?: string };
  return { code: e.code, slackError: e.data?.error, status: e.statusCode, error: e.message };
}

/**
 * Slack's answers to chat.postMessage and chat.postEphemeral that mean the bot cannot post there:
 * a DM between other people, or a channel it is not in. A response URL still can.
 */
export const NOT_A_MEMBER: ReadonlySet<string> = new Set(['channel_not_found', 'not_in_channel']);

/** Another way to deliver, for when the first fails with a Slack error it can get round. */
export interface Fallback {
  when: (slackError: string) => boolean;
  call: () => Promise<unknown>;
}

/**
 * Posts an answer after Slack has its ack. Slack will not send that event again, so the post is
 * tracked in `inFlight`, which shutdown waits for. A failed call is logged without escaping: the
 * bot keeps serving. The Web API client has already retried (rate limits after Retry-After, server
 * errors with backoff). With a fallback, a failure it covers is logged at info and the fallback is
 * tried instead.
 */
export function deliver(deps: { logger: AppLogger; inFlight: InFlight }, what: string, call: () => Promise<unknown>, fallback?: Fallback): Promise<boolean> {
  return deps.inFlight.track(attempt(deps.logger, what, call, fallback));
}

async function attempt(logger: AppLogger, what: string, call: () => Promise<unknown>, fallback?: Fallback): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (err) {
    const fields = slackErrorOf(err);
    if (fallback && fields.slackError && fallback.when(fields.slackError)) {
      logger.log('info', `could not ${what} directly; trying another way`, { slackError: fields.slackError });
      return attempt(logger, what, fallback.call);
    }
    logger.log('error', `could not ${what}`, fields);
    return false;
  }
}
