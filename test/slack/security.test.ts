import { request } from 'node:http';
import { describe, expect, it } from '@jest/globals';
import { FakeSlack } from '../support/fakeSlack.js';
import { commandBody, eventBody, mentionEvent, postRaw, sign } from '../support/signedRequest.js';
import { asMessage, headerOf } from '../support/slackMessage.js';
import { type RunningBot, SIGNING_SECRET, useBot } from '../support/startBot.js';

let slack: FakeSlack;
let bot: RunningBot;

useBot((s, b) => {
  slack = s;
  bot = b;
});

/** The bot still answers a good command: it is up and unharmed. */
async function expectStillServing() {
  const res = await bot.post(commandBody('leavers'));
  expect(res.status).toBe(200);
  expect(headerOf(asMessage(res.json))).toBe('Managing leavers');
}

/**
 * Proves a rejected mention posted nothing: a good mention sent after it is answered, and its
 * answer is the only chat.postMessage, even after a moment for any stray one to arrive.
 */
async function expectOnlyTheNextMentionAnswered() {
  const marker = mentionEvent(`<@${FakeSlack.BOT_USER_ID}> onboarding`);
  expect((await bot.post(eventBody(marker))).status).toBe(200);
  await slack.waitFor('chat.postMessage');
  await new Promise((r) => setTimeout(r, 150));
  const posts = slack.callsTo('chat.postMessage');
  expect(posts).toHaveLength(1);
  expect(posts[0]!.args.thread_ts).toBe(marker.ts);
}

/** A mention that, if accepted, would make the bot post; for checking that nothing was posted. */
const mention = () => eventBody(mentionEvent(`<@${FakeSlack.BOT_USER_ID}> leavers`));

describe('request verification', () => {
  it('rejects a request signed with the wrong secret with 401, and calls Slack for nothing', async () => {
    const res = await bot.post(mention(), { secret: 'not-the-signing-secret' });
    expect(res.status).toBe(401);

    const command = await bot.post(commandBody('leavers'), { secret: 'not-the-signing-secret' });
    expect(command.status).toBe(401);
    expect(command.text).not.toContain('Managing leavers');
    await expectStillServing();
    await expectOnlyTheNextMentionAnswered();
    expect(slack.calls.filter((c) => c.method !== 'auth.test' && c.method !== 'chat.postMessage')).toEqual([]);
  });

  it('rejects a body altered after signing with 401', async () => {
    const body = commandBody('leavers');
    const headers = sign(SIGNING_SECRET, body);
    const res = await bot.post(commandBody('onboarding'), { unsigned: true, headers });
    expect(res.status).toBe(401);
  });

  it.each([
    ['both signature headers', () => ({})],
    ['x-slack-signature', () => ({ 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)) })],
    ['x-slack-request-timestamp', () => ({ 'x-slack-signature': sign(SIGNING_SECRET, 'x')['x-slack-signature']! })],
  ])('rejects a request missing %s with 401', async (_name, headers) => {
    const res = await bot.post(mention(), { unsigned: true, headers: headers() });
    expect(res.status).toBe(401);
    await expectStillServing();
    await expectOnlyTheNextMentionAnswered();
  });

  it('rejects a correctly signed request more than 5 minutes old with 401 (a replay)', async () => {
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await bot.post(mention(), { timestamp: stale });
    expect(res.status).toBe(401);

    const command = await bot.post(commandBody('leavers'), { timestamp: stale });
    expect(command.status).toBe(401);
    await expectStillServing();
    await expectOnlyTheNextMentionAnswered();
  });
});

describe('malformed and oversized requests', () => {
  it('answers malformed JSON with a valid signature with a 4xx, and keeps serving', async () => {
    const res = await bot.post('{"type": "event_callback", "event": {', { contentType: 'application/json' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    await expectStillServing();
  });

  it('answers a form body whose payload is not JSON with a 4xx, and keeps serving', async () => {
    const res = await bot.post('payload=%7Bnot-json', { contentType: 'application/x-www-form-urlencoded' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    await expectStillServing();
  });

  it('refuses a body over 512 KB with 413, and keeps serving', async () => {
    const body = Buffer.from(commandBody(`leavers ${'x'.repeat(600 * 1024)}`));
    const res = await postRaw(bot.url, body, { 'content-type': 'application/x-www-form-urlencoded', ...sign(SIGNING_SECRET, body.toString()) });
    expect(res.status).toBe(413);
    await expectStillServing();
  });

  it('refuses a body over 512 KB sent in chunks without a length, and keeps serving', async () => {
    const url = new URL(`${bot.url}/slack/events`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', ...sign(SIGNING_SECRET, 'x'), connection: 'close' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EPIPE' && err.code !== 'ECONNRESET') reject(err);
      });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      for (let i = 0; i < 10; i++) req.write(chunk);
      req.end();
    });
    expect(status).toBe(413);
    await expectStillServing();
  });
});

describe('health check', () => {
  it('answers GET /healthz with 200 and JSON naming the 12 sections', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok', pages: 1, sections: 12 });
    expect(Number.isNaN(Date.parse(String(body.loadedAt)))).toBe(false);
  });

  it('answers HEAD /healthz with 200 and needs no signature', async () => {
    const res = await fetch(`${bot.url}/healthz`, { method: 'HEAD' });
    expect(res.status).toBe(200);
  });

  it('answers an unknown path with 404', async () => {
    const res = await fetch(`${bot.url}/nope`);
    expect(res.status).toBe(404);
  });
});
