import http from 'node:http';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { type ChildBot, spawnBot } from '../support/childBot.js';
import { FakeSlack } from '../support/fakeSlack.js';
import { commandBody, eventBody, mentionEvent, sign } from '../support/signedRequest.js';
import { SMALL_MANUAL } from '../support/listenerDeps.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../support/startBot.js';

/** A hang guard, not a performance assertion: a clean stop is far quicker than this. */
jest.setTimeout(15_000);

let slack: FakeSlack;
let bot: ChildBot | undefined;

beforeAll(async () => {
  slack = await new FakeSlack().start();
});
beforeEach(() => slack.reset());
afterEach(async () => {
  await bot?.kill();
  bot = undefined;
});
afterAll(async () => {
  await slack.stop();
});

/** Starts `node dist/main.js` on a free loopback port and waits until /healthz answers. */
async function startChild(): Promise<{ bot: ChildBot; url: string }> {
  const child = spawnBot({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'info',
    WATCH_MANUAL: 'false',
    // Shutdown does not depend on the manual: the small one starts in a moment.
    MANUAL_DIR: SMALL_MANUAL,
  });
  bot = child;
  const listening = await child.waitForLog((e) => e.msg === 'listening');
  expect(listening.mode).toBe('http');
  const url = `http://127.0.0.1:${String(listening.port)}`;
  const health = await fetch(`${url}/healthz`);
  expect(health.status).toBe(200);
  await health.arrayBuffer();
  return { bot: child, url };
}

/** Resolves once `condition()` holds, checking every few milliseconds (the test's timeout bounds it). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 10));
}

/** A GET over `agent`, body read to the end, so the connection goes back to the agent's idle pool. */
function get(url: string, agent: http.Agent): Promise<{ status: number; body: string; socketReused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, socketReused: req.reusedSocket }));
    });
    req.on('error', reject);
  });
}

describe('shutdown', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('stops cleanly on %s with a keep-alive connection open, exit code 0', async (signal) => {
    const { bot: child, url } = await startChild();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect((await get(`${url}/healthz`, agent)).status).toBe(200);
      const second = await get(`${url}/healthz`, agent);
      expect(second.status).toBe(200);
      // The connection was kept open and reused: an idle keep-alive socket is what could hold shutdown up.
      expect(second.socketReused).toBe(true);

      child.child.kill(signal);
      const { code, signal: killedBy } = await child.exited;

      expect(killedBy).toBeNull();
      expect(code).toBe(0);
      const messages = child.logs().map((e) => e.msg);
      expect(messages).toContain('shutting down');
      expect(messages).toContain('stopped');
      expect(child.logs().find((e) => e.msg === 'shutting down')?.signal).toBe(signal);
      expect(child.logs().filter((e) => e.level === 'error')).toEqual([]);
      expect(child.stderr()).toBe('');
    } finally {
      agent.destroy();
    }
  });

  it('answers a request that is in flight when SIGTERM arrives, then exits 0', async () => {
    const { bot: child, url } = await startChild();
    const body = commandBody('deploy freezes');
    const { port } = new URL(url);
    // One keep-alive connection: a first request proves the server has accepted it; then the
    // headers and half the body of a second, so that request is mid-flight when the signal comes.
    const socket = net.connect(Number(port), '127.0.0.1');
    let response = '';
    socket.setEncoding('utf8').on('data', (c: string) => (response += c));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(`GET /healthz HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\n\r\n`);
    await until(() => /"sections":7/.test(response));
    const headers = Object.entries({ host: `127.0.0.1:${port}`, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)), ...sign(SIGNING_SECRET, body) })
      .map(([k, v]) => `${k}: ${v}`)
      .join('\r\n');
    socket.write(`POST /slack/events HTTP/1.1\r\n${headers}\r\n\r\n${body.slice(0, 50)}`);
    // A moment for the server to read those bytes: from then on the connection is busy, not idle.
    await new Promise((r) => setTimeout(r, 100));

    child.child.kill('SIGTERM');
    await child.waitForLog((e) => e.msg === 'shutting down');
    socket.write(body.slice(50));
    await closed;

    const answer = response.slice(response.indexOf('HTTP/1.1', 1));
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toContain('Deploy freezes');
    const { code } = await child.exited;
    expect(code).toBe(0);
    expect(child.logs().map((e) => e.msg)).toContain('stopped');
  });

  it('posts the answer to a mention Slack already has its ack for, even through a rate limit, before exiting', async () => {
    const { bot: child, url } = await startChild();
    slack.fail('chat.postMessage', { status: 429, headers: { 'retry-after': '1' } });
    const event = mentionEvent('<@UBOT0001> deploy freezes');
    const payload = eventBody(event);
    const res = await fetch(`${url}/slack/events`, { method: 'POST', body: payload, headers: { 'content-type': 'application/json', ...sign(SIGNING_SECRET, payload) } });
    expect(res.status).toBe(200);
    await until(() => slack.failedCallsTo('chat.postMessage').length === 1);

    // Slack will not resend this event: the answer waiting out Retry-After must still go.
    child.child.kill('SIGTERM');
    const shutting = await child.waitForLog((e) => e.msg === 'shutting down');
    expect(shutting.inFlight).toBe(1);
    expect((await child.exited).code).toBe(0);
    const [call] = slack.callsTo('chat.postMessage');
    expect(call!.args.thread_ts).toBe(event.ts);
    expect(child.logs().filter((e) => e.level === 'error')).toEqual([]);
  });

  it('stops at once, exit code 0, on SIGTERM while the manual is still loading', async () => {
    const child = spawnBot({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url, PORT: '0', HOST: '127.0.0.1', LOG_FORMAT: 'json', WATCH_MANUAL: 'false' });
    bot = child;
    await child.waitForLog((e) => e.msg === 'loading the manual');
    child.child.kill('SIGTERM');

    const { code, signal } = await child.exited;
    expect(signal).toBeNull();
    expect(code).toBe(0);
    const messages = child.logs().map((e) => e.msg);
    expect(messages).toContain('stopped before starting');
    expect(messages).not.toContain('listening');
  });

  it('answers a mention end to end from the built app before stopping', async () => {
    const { bot: child, url } = await startChild();
    const event = mentionEvent('<@UBOT0001> deploy freezes');
    const payload = eventBody(event);
    const res = await fetch(`${url}/slack/events`, { method: 'POST', body: payload, headers: { 'content-type': 'application/json', ...sign(SIGNING_SECRET, payload) } });
    expect(res.status).toBe(200);
    const [call] = await slack.waitFor('chat.postMessage');
    expect(call!.args.thread_ts).toBe(event.ts);

    child.child.kill('SIGTERM');
    expect((await child.exited).code).toBe(0);
    // Neither the bot token nor the signing secret is ever logged.
    expect(child.stdout()).not.toContain(BOT_TOKEN);
    expect(child.stdout()).not.toContain(SIGNING_SECRET);
  });
});
