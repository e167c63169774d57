import type { AppLogger } from '../logger.js';

/** Another way to deliver, for when the first fails with a Slack error it can get round. */
export interface Fallback {
  when: (slackError: string) => boolean;
  call: () => Promise<unknown>;
}

/**
 * Logs a failed Slack API call without letting it escape: the bot keeps serving. The Web API
 * client has already retried (rate limits after Retry-After, server errors with backoff). With a
 * fallback, a failure it covers is logged at info and the fallback is tried instead.
 */
export async function deliver(logger: AppLogger, what: string, call: () => Promise<unknown>, fallback?: Fallback): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (err) {
    const e = err as { code?: string; data?: { error?: string }; statusCode?: number; message?: string };
    const slackError = e.data?.error;
    if (fallback && slackError && fallback.when(slackError)) {
      logger.log('info', `could not ${what} directly; trying another way`, { slackError });
      return deliver(logger, what, fallback.call);
    }
    logger.log('error', `could not ${what}`, { code: e.code, slackError, status: e.statusCode, error: e.message });
    return false;
  }
}
