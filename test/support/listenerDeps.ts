import path from 'node:path';
import { jest } from '@jest/globals';
import type { BotDeps } from '../../src/app/context.js';
import { ChannelDirectory } from '../../src/app/channelDirectory.js';
import { EventClaims } from '../../src/app/eventClaims.js';
import { EventDeduper } from '../../src/app/eventDeduper.js';
import { createClickKey } from '../../src/app/voteKey.js';
import { InFlight } from '../../src/app/inFlight.js';
import { ReplyCache } from '../../src/app/replyCache.js';
import { DEFAULT_BASE_URL, DEFAULT_OWNER_CHANNEL } from '../../src/config.js';
import { ManualStore } from '../../src/load/manualStore.js';
import { createLogger } from '../../src/logger.js';
import { prerenderManual } from '../../src/slack/messages.js';
import { Recorder } from '../../src/store/recorder.js';
import { SqliteStore } from '../../src/store/sqliteStore.js';

/** Two short pages (deploying, on call), for testing Slack behaviour without building the shipped manual's index. */
export const SMALL_MANUAL = path.resolve('test/fixtures/small-manual');

/**
 * What a listener needs, as createApp gives it, over a real index of `dir`; log entries kept in
 * `logs`. Its recorder is not started: what the listeners record waits in memory (see
 * `records.pending`) until a test flushes it to an embedded store in memory.
 */
export async function listenerDeps(dir = SMALL_MANUAL): Promise<BotDeps & { logs: Record<string, unknown>[] }> {
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'debug', format: 'json', write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) });
  const store = new ManualStore({ dir, baseUrl: DEFAULT_BASE_URL }, logger, prerenderManual);
  await store.load();
  const records = new Recorder(new SqliteStore(':memory:'), logger, { retentionDays: 90 });
  return {
    store,
    logger,
    events: new EventClaims(new EventDeduper()),
    replies: new ReplyCache(),
    logQuestions: false,
    inFlight: new InFlight(),
    records,
    channels: new ChannelDirectory(logger),
    clickKey: createClickKey('listener-test-signing-secret'),
    defaultOwner: DEFAULT_OWNER_CHANNEL,
    logs,
  };
}

/** A recorded Web API call: the method and its arguments. */
export interface ClientCall {
  method: string;
  args: Record<string, unknown>;
}

/**
 * A stand-in for Bolt's WebClient with the methods the listeners call, recording each call;
 * `failWith` makes every call of a method reject as the Web API client does ({ data: { error } }).
 */
export function fakeClient(failWith: Record<string, string> = {}) {
  const calls: ClientCall[] = [];
  const method = (name: string, answer: Record<string, unknown> = {}) =>
    jest.fn(async (args: Record<string, unknown>) => {
      calls.push({ method: name, args });
      if (failWith[name]) throw Object.assign(new Error(`An API error occurred: ${failWith[name]}`), { code: 'slack_webapi_platform_error', data: { ok: false, error: failWith[name] } });
      return { ok: true, ...answer };
    });
  const client = {
    chat: { postMessage: method('chat.postMessage', { ts: '1700000000.000100' }), postEphemeral: method('chat.postEphemeral'), unfurl: method('chat.unfurl'), getPermalink: method('chat.getPermalink', { permalink: 'https://example.slack.com/archives/C1/p1' }) },
    views: { publish: method('views.publish'), open: method('views.open'), update: method('views.update') },
    conversations: { list: method('conversations.list', { channels: [{ id: 'C0PLATFORM', name: 'fixture-platform' }, { id: 'C0ONCALL', name: 'fixture-on-call' }, { id: 'C0DEVS', name: 'govuk-developers' }] }) },
  };
  return { client, calls };
}

/** A fake ack or respond: records what it was called with. */
export function fakeAck() {
  return jest.fn(async (_response?: unknown) => {});
}
