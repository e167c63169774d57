import type { AppLogger } from '../logger.js';
import { slackErrorOf } from './slackErrors.js';

/** The part of @slack/socket-mode's client (Bolt's `SocketModeReceiver.client`) this needs. */
export interface SocketModeClientLike {
  start(): Promise<unknown>;
  disconnect(): Promise<unknown>;
  on(event: 'disconnected', listener: () => void): unknown;
}

/** Errors from apps.connections.open that no retry fixes: the app token is wrong or revoked. */
const FATAL = new Set(['not_authed', 'invalid_auth', 'account_inactive', 'user_removed_from_team', 'team_disabled', 'token_revoked', 'not_allowed_token_type']);

export interface SocketConnection {
  /**
   * Connects, retrying with backoff until it has; resolves on the first connection. Rejects only
   * if Slack refuses the app token on that first attempt, which a retry would not fix.
   */
  connect(): Promise<void>;
  /** Stops reconnecting (call before the app stops, so its own disconnect is not undone). */
  stop(): void;
}

export interface Backoff {
  firstMs: number;
  maxMs: number;
}

/**
 * Keeps a Socket Mode connection up. The client's own reconnection (autoReconnectEnabled) is off:
 * in @slack/socket-mode 3.1 a reconnection whose apps.connections.open call fails with a 5xx or
 * a network error rejects a promise nobody handles, which ends the process, and Slack closes
 * every connection routinely ("refresh_requested"). Here each closed connection is reopened, and
 * each failed attempt is logged and tried again, at `firstMs` doubling to `maxMs`, for as long as
 * it takes.
 */
export function keepConnected(client: SocketModeClientLike, logger: AppLogger, backoff: Backoff = { firstMs: 1000, maxMs: 60_000 }): SocketConnection {
  let stopped = false;
  let connecting = false;
  let everConnected = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let first: { resolve: () => void; reject: (err: unknown) => void } | undefined;

  const schedule = (delay: number) => {
    if (stopped || timer || connecting) return;
    timer = setTimeout(() => {
      timer = undefined;
      void attempt();
    }, delay);
  };

  const attempt = async () => {
    if (stopped || connecting) return;
    connecting = true;
    try {
      await client.start();
      connecting = false;
      if (stopped) {
        // Stopped while this attempt was connecting: app.stop() found no connection to close, so
        // this one would take events the bot is no longer there to answer.
        await client.disconnect().catch(() => undefined);
        return;
      }
      if (everConnected) logger.log('info', 'reconnected to Slack', { mode: 'socket', attempts: failures + 1 });
      everConnected = true;
      failures = 0;
      first?.resolve();
      first = undefined;
    } catch (err: unknown) {
      connecting = false;
      if (stopped) return;
      // A connection closed before Slack's hello rejects with nothing at all (@slack/socket-mode
      // 3.1 passes no error on), which is an ordinary failure to retry like any other.
      const fields = slackErrorOf(err ?? new Error('the connection closed before Slack said hello'));
      const { slackError } = fields;
      if (!everConnected && slackError && FATAL.has(slackError)) {
        first?.reject(err);
        first = undefined;
        stopped = true;
        return;
      }
      failures++;
      const delay = Math.min(backoff.maxMs, backoff.firstMs * 2 ** (failures - 1));
      logger.log(slackError && FATAL.has(slackError) ? 'error' : 'warn', 'cannot connect to Slack (Socket Mode); will try again', {
        ...fields, attempts: failures, retryInMs: delay,
      });
      schedule(delay);
    }
  };

  // A closed connection (Slack's routine refresh, a dropped network, a missed ping) is reopened.
  // While an attempt is under way, its own failure schedules the next one.
  client.on('disconnected', () => {
    if (stopped || connecting || !everConnected) return;
    logger.log('info', 'Socket Mode connection closed; reconnecting', { mode: 'socket' });
    schedule(0);
  });

  return {
    connect: () =>
      new Promise<void>((resolve, reject) => {
        first = { resolve, reject };
        void attempt();
      }),
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      first?.reject(new Error('stopped before connecting'));
      first = undefined;
    },
  };
}
