import { describe, expect, it } from '@jest/globals';
import { FakeSlack } from '../support/fakeSlack.js';
import { eventBody, mentionEvent, messageEvent } from '../support/signedRequest.js';
import { type RunningBot, useBot } from '../support/startBot.js';

const RETRY = { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' };

let slack: FakeSlack;
let bot: RunningBot;
let eventIds = 0;
const freshEventId = () => `EvRETRY${Date.now()}${++eventIds}`;

useBot((s, b) => {
  slack = s;
  bot = b;
});

/** Waits for the answer to a marker mention; everything posted before it has arrived by then. */
async function postsUpToMarker() {
  const marker = mentionEvent(`<@${FakeSlack.BOT_USER_ID}> incident reviews`, { channel: 'C0MARKER' });
  await bot.post(eventBody(marker));
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (slack.callsTo('chat.postMessage').some((c) => c.args.channel === 'C0MARKER')) {
        clearInterval(check);
        clearTimeout(timeout);
        resolve();
      }
    }, 10);
    const timeout = setTimeout(() => {
      clearInterval(check);
      reject(new Error('the marker mention was not answered'));
    }, 5000);
  });
  await new Promise((r) => setTimeout(r, 150));
  return slack.callsTo('chat.postMessage').filter((c) => c.args.channel !== 'C0MARKER');
}

describe('Slack retries (the same event_id again)', () => {
  it('answers a mention once when Slack retries it after an http_timeout', async () => {
    const id = freshEventId();
    const body = eventBody(mentionEvent(`<@${FakeSlack.BOT_USER_ID}> leavers`), id);
    expect((await bot.post(body)).status).toBe(200);
    await slack.waitFor('chat.postMessage');
    expect((await bot.post(body, { headers: RETRY })).status).toBe(200);

    expect(await postsUpToMarker()).toHaveLength(1);
  });

  it('answers a mention once when the retry arrives while the first is still being handled', async () => {
    const id = freshEventId();
    const body = eventBody(mentionEvent(`<@${FakeSlack.BOT_USER_ID}> onboarding`), id);
    const [first, retry] = await Promise.all([bot.post(body), bot.post(body, { headers: RETRY })]);
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);

    expect(await postsUpToMarker()).toHaveLength(1);
  });

  it('answers a DM once when Slack retries it, even a second time', async () => {
    const id = freshEventId();
    const body = eventBody(messageEvent('weeknote'), id);
    await bot.post(body);
    await bot.post(body, { headers: RETRY });
    await bot.post(body, { headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_error' } });

    const posts = await postsUpToMarker();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.args.channel).toBe('D0000042');
  });

  it('still answers different events with different ids', async () => {
    await bot.post(eventBody(mentionEvent(`<@${FakeSlack.BOT_USER_ID}> leavers`), freshEventId()));
    await bot.post(eventBody(mentionEvent(`<@${FakeSlack.BOT_USER_ID}> leavers`), freshEventId()));

    expect(await postsUpToMarker()).toHaveLength(2);
  });
});
