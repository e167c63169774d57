import type { IncomingMessage, ServerResponse } from 'node:http';
import bolt from '@slack/bolt';
import type { ManualStore } from '../load/manualStore.js';
import type { AppConfig } from '../config.js';
import type { AppLogger } from '../logger.js';
import { openRecordStore } from '../store/openStore.js';
import { Recorder, type RecorderOptions } from '../store/recorder.js';
import { createAuthorize } from './authorize.js';
import { ChannelDirectory } from './channelDirectory.js';
import { EventClaims } from './eventClaims.js';
import { createClickKey } from './voteKey.js';
import { ReplyCache } from './replyCache.js';
import type { BotDeps } from './context.js';
import { EventDeduper } from './eventDeduper.js';
import { InFlight } from './inFlight.js';
import { registerListeners } from './listeners/index.js';
import { keepConnected, type SocketConnection } from './socketConnection.js';

const { App, HTTPReceiver, LogLevel, SocketModeReceiver } = bolt;

export interface BuiltApp {
  app: InstanceType<typeof App>;
  deps: BotDeps;
  mode: 'http' | 'socket';
  /** In Socket Mode: connects, and reconnects whenever the connection drops (start with this, not app.start()). */
  socket?: SocketConnection;
}

/** Slack payloads are small; a request bigger than this is not from Slack. */
const BODY_LIMIT = 512 * 1024;

export interface AppOptions {
  /** How the record store is written (tests flush more often). */
  recorder?: Partial<Omit<RecorderOptions, 'retentionDays'>>;
}

/**
 * Builds the Bolt app with its listeners, without starting it: start-up (main.ts) and tests
 * decide when and where it listens, and when the record store connects (`deps.records.start()`).
 */
export function createApp(config: AppConfig, store: ManualStore, logger: AppLogger, options: AppOptions = {}): BuiltApp {
  // The store is made first; a connection of its pool that breaks while idle is reported to the
  // recorder made next, which connects again before its next write.
  let records: Recorder | undefined;
  const recordStore = openRecordStore(config.store, { onIdleError: (err) => records?.connectionLost(err) });
  records = new Recorder(recordStore, logger, { retentionDays: config.store.retentionDays, ...options.recorder });
  const defaultOwner = config.defaultOwnerChannel;
  const deps: BotDeps = {
    store,
    logger,
    // Across replicas only with a store they share; the embedded one is this process's alone.
    events: new EventClaims(new EventDeduper(), config.store.databaseUrl ? records : undefined),
    replies: new ReplyCache(1000, { defaultOwner }),
    logQuestions: config.logQuestions,
    inFlight: new InFlight(),
    records,
    channels: new ChannelDirectory(logger),
    clickKey: createClickKey(config.signingSecret),
    defaultOwner,
  };
  const clientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    // A few quick retries on server and network errors, rather than the client's default of ten
    // over half an hour: an answer that late is no answer. Rate limits (429) are always waited
    // out for as long as Retry-After says, then retried.
    retryConfig: { retries: 3, factor: 2, minTimeout: 200, maxTimeout: 2000, randomize: true },
    rejectRateLimitedCalls: false,
    timeout: 10_000,
  };
  const logLevel = LogLevel[config.logLevel.toUpperCase() as keyof typeof LogLevel];

  const health = (_req: IncomingMessage, res: ServerResponse) => {
    let body: Record<string, unknown>;
    let status = 200;
    try {
      const manual = store.current();
      // A store outage degrades feedback and reports, not answers: still 200, so that an
      // orchestrator does not restart replicas that are answering for something a restart cannot fix.
      const records = deps.records.health();
      body = {
        status: records.status === 'unavailable' ? 'degraded' : 'ok',
        pages: manual.pageCount,
        sections: manual.sections.length,
        loadedAt: manual.loadedAt.toISOString(),
        store: records,
      };
    } catch {
      status = 503;
      body = { status: 'starting' };
    }
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  let mode: BuiltApp['mode'];
  let socket: SocketConnection | undefined;
  let receiver: InstanceType<typeof HTTPReceiver> | InstanceType<typeof SocketModeReceiver>;
  if (config.appToken) {
    mode = 'socket';
    // Reconnection is keepConnected's job (see socketConnection.ts), not the client's.
    receiver = new SocketModeReceiver({ appToken: config.appToken, logger, logLevel, autoReconnectEnabled: false, installerOptions: { clientOptions } });
    socket = keepConnected(receiver.client, logger);
  } else {
    mode = 'http';
    receiver = new HTTPReceiver({
      signingSecret: config.signingSecret,
      logger,
      logLevel,
      bodyLimit: BODY_LIMIT,
      customRoutes: [{ path: '/healthz', method: ['GET', 'HEAD'], handler: health }],
    });
  }
  // convoStore: false drops Bolt's conversation-state middleware, which this bot never reads and
  // which otherwise runs on every request (a measurable share of answering a command in a profile
  // of npm run bench:load).
  const authorize = createAuthorize(config.botToken, logger, config.slackApiUrl);
  const app = new App({ authorize, receiver, logger, logLevel, clientOptions, convoStore: false });
  registerListeners(app, deps);
  app.error(async (error) => {
    logger.log('error', 'unhandled error in a listener', { err: error });
  });
  return socket ? { app, deps, mode, socket } : { app, deps, mode };
}
