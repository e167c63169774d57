import bolt, { type AuthorizeResult } from '@slack/bolt';
import type { AppLogger } from '../logger.js';

const { WebClient } = bolt.webApi;

/** After a failed check, answer without asking Slack again for this long. */
const RECHECK_AFTER_MS = 30_000;

/**
 * Who the bot is, for Bolt: its token, and the ids that `auth.test` tells once it has answered.
 * Bolt's own single-token authorisation asks `auth.test` until it succeeds and, while it fails,
 * calls no listener at all, so one outage of outgoing calls to Slack (a proxy, a firewall) would
 * silence even `/techlead`, whose answer needs no call to Slack. Here a failed check is logged and
 * the request is served without the ids: listeners already ignore bot messages by `bot_id` and
 * strip every user mention from questions, so they do not need them.
 */
export function createAuthorize(botToken: string, logger: AppLogger, slackApiUrl?: string): () => Promise<AuthorizeResult> {
  // One quick try, no retries: this runs inside a request that Slack wants acknowledged in 3 s.
  const client = new WebClient(undefined, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    timeout: 1500,
    logger,
  });
  let identity: AuthorizeResult | undefined;
  let failedAt = -Infinity;
  let checking: Promise<void> | undefined;

  const check = async () => {
    try {
      const res = await client.auth.test({ token: botToken });
      identity = { botToken, botUserId: res.user_id, botId: res.bot_id, teamId: res.team_id };
    } catch (err) {
      failedAt = Date.now();
      const e = err as { code?: string; data?: { error?: string }; message?: string };
      logger.log('warn', 'cannot check the bot token with Slack (auth.test); answering without the bot ids', {
        code: e.code,
        slackError: e.data?.error,
        error: e.message,
      });
    }
  };

  // A copy each time: Bolt writes the request's user and team into the object it is given.
  return async () => {
    if (!identity && Date.now() - failedAt >= RECHECK_AFTER_MS) {
      checking ??= check().finally(() => (checking = undefined));
      await checking;
    }
    return { ...(identity ?? { botToken }) };
  };
}
