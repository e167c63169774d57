import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { FakeSlack } from './fakeSlack.js';
import type { AddressInfo } from 'node:net';
import { ManualStore } from '../../src/load/manualStore.js';
import { type AppOptions, createApp, type BuiltApp } from '../../src/app/createApp.js';
import { appConfigFromEnv, type AppConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { prerenderManual } from '../../src/slack/messages.js';
import { type PostOptions, postToSlackEndpoint } from './signedRequest.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-test-0000-token';
export const APP_TOKEN = 'xapp-1-test';

export type LogEntry = Record<string, unknown>;

export interface RunningBot extends BuiltApp {
  /** `http://127.0.0.1:PORT` in HTTP mode; empty in Socket Mode. */
  url: string;
  store: ManualStore;
  logs: LogEntry[];
  /** POSTs `body` to /slack/events, signed with the bot's signing secret unless `opts` says otherwise. */
  post(body: string, opts?: Partial<PostOptions>): ReturnType<typeof postToSlackEndpoint>;
  /** Resolves with the first log entry (already logged or still to come) that matches, or rejects after `timeoutMs`. */
  waitForLog(match: (entry: LogEntry) => boolean, timeoutMs?: number): Promise<LogEntry>;
  stop(): Promise<void>;
}

/**
 * The bot's app, built from env the way main.ts builds it, with JSON logs captured in memory and
 * its record store started. Unless env names one, the embedded store is in a temporary folder of
 * its own, removed when the bot stops.
 */
async function buildBot(slackApiUrl: string, env: Record<string, string>, options: AppOptions) {
  const dataDir = env.DATA_DIR ? undefined : mkdtempSync(path.join(os.tmpdir(), 'techlead-data-'));
  const parsed = appConfigFromEnv({
    SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slackApiUrl, PORT: '0', LOG_LEVEL: 'debug', WATCH_MANUAL: 'false',
    ...(dataDir ? { DATA_DIR: dataDir } : {}),
    ...env,
  });
  if ('errors' in parsed) throw new Error(parsed.errors.join('; '));
  const config: AppConfig = parsed.config;
  const logs: LogEntry[] = [];
  const listeners: (() => void)[] = [];
  const logger = createLogger({
    level: config.logLevel,
    format: 'json',
    secrets: [BOT_TOKEN, SIGNING_SECRET, APP_TOKEN],
    write: (line) => {
      logs.push(JSON.parse(line) as LogEntry);
      for (const l of listeners) l();
    },
  });
  // As main.ts prepares each index: rendered for Slack in steps.
  const store = new ManualStore(config.manual, logger, prerenderManual);
  await store.load();
  const built = createApp(config, store, logger, options);
  built.deps.records.start();
  const close = async () => {
    await built.deps.records.close();
    await store.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  const waitForLog = (match: (entry: LogEntry) => boolean, timeoutMs = 8000): Promise<LogEntry> => {
    const found = logs.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const check = () => {
        const entry = logs.find(match);
        if (!entry) return;
        done();
        resolve(entry);
      };
      const done = () => {
        clearTimeout(timer);
        listeners.splice(listeners.indexOf(check), 1);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out waiting for a log entry; last entries: ${JSON.stringify(logs.slice(-5))}`));
      }, timeoutMs);
      listeners.push(check);
    });
  };
  return { built, store, logs, waitForLog, close };
}

/** The real app in HTTP mode on a random loopback port, talking to `slackApiUrl`. */
export async function startBot(slackApiUrl: string, env: Record<string, string> = {}, options: AppOptions = {}): Promise<RunningBot> {
  const { built, store, logs, waitForLog, close } = await buildBot(slackApiUrl, env, options);
  const server = (await built.app.start({ port: 0, host: '127.0.0.1' })) as Server;
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    ...built,
    store,
    logs,
    url,
    post: (body, opts = {}) => postToSlackEndpoint(url, body, { secret: SIGNING_SECRET, ...opts }),
    waitForLog,
    stop: async () => {
      await built.app.stop();
      await close();
    },
  };
}

/**
 * The real app in Socket Mode (SLACK_APP_TOKEN set), connected as main.ts connects it
 * (`socket.connect()`, which starts the Socket Mode client and reopens it whenever it closes): it asks `slackApiUrl` for
 * `apps.connections.open` and connects to the WebSocket URL it answers, so the fake must be
 * told that URL first, and the WebSocket server must send `hello` for the connection to be made.
 */
export async function startSocketBot(slackApiUrl: string, env: Record<string, string> = {}, options: AppOptions = {}): Promise<RunningBot> {
  const { built, store, logs, waitForLog, close } = await buildBot(slackApiUrl, { SLACK_APP_TOKEN: APP_TOKEN, ...env }, options);
  if (built.mode !== 'socket' || !built.socket) throw new Error(`expected Socket Mode, got ${built.mode}`);
  await built.socket.connect();
  return {
    ...built,
    store,
    logs,
    url: '',
    post: () => Promise.reject(new Error('a Socket Mode bot has no HTTP endpoint')),
    waitForLog,
    stop: async () => {
      // Bolt's SocketModeReceiver.stop() resolves as soon as it has sent the close frame. Wait for
      // the client to finish the close handshake: a connection torn down half-way leaves the
      // Socket Mode client's 30-second close timer running, which outlives the test run.
      const disconnected = socketClientDisconnected(built.app);
      built.socket?.stop();
      await built.app.stop();
      await disconnected;
      await close();
    },
  };
}

/** Resolves when the app's Socket Mode client reports `disconnected` (an eventemitter3 emitter, reached through the receiver). */
function socketClientDisconnected(app: BuiltApp['app']): Promise<void> {
  type Emitter = { once(event: string, listener: () => void): unknown };
  const client = (app as unknown as { receiver?: { client?: Partial<Emitter> } }).receiver?.client;
  if (typeof client?.once !== 'function') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the Socket Mode client did not report disconnected')), 5000);
    (client as Emitter).once('disconnected', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * For a test file: starts a fake Slack and the bot before its tests (handing both to `started`),
 * clears the fake's record before each test, and stops both after.
 */
export function useBot(started: (slack: FakeSlack, bot: RunningBot) => void, env: Record<string, string> = {}, options: AppOptions = {}): void {
  let slack: FakeSlack | undefined;
  let bot: RunningBot | undefined;
  beforeAll(async () => {
    slack = await new FakeSlack().start();
    bot = await startBot(slack.url, env, options);
    started(slack, bot);
  });
  beforeEach(() => slack?.reset());
  afterAll(async () => {
    await bot?.stop();
    await slack?.stop();
  });
}
