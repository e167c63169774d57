import type { AppLogger } from '../logger.js';

/**
 * Logs a failed Slack API call without letting it escape: the bot keeps serving. The Web API
 * client has already retried (rate limits after Retry-After, server errors with backoff).
 */
export async function deliver(logger: AppLogger, what: string, call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (err) {
    const e = err as { code?: string; data?: { error?: string }; statusCode?: number; message?: string };
    logger.log('error', `could not ${what}`, { code: e.code, slackError: e.data?.error, status: e.statusCode, error: e.message });
    return false;
  }
}
