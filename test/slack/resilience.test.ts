import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeSlack } from '../support/fakeSlack.js';
import { actionBody, blockActionsPayload, commandBody, eventBody, mentionEvent } from '../support/signedRequest.js';
import { asMessage, headerOf } from '../support/slackMessage.js';
import { type LogEntry, type RunningBot, startBot } from '../support/startBot.js';

let slack: FakeSlack;
let bot: RunningBot;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  bot = await startBot(slack.url);
});
beforeEach(() => {
  slack.reset();
  bot.logs.length = 0;
});
afterAll(async () => {
  await bot.stop();
  await slack.stop();
});

const mention = (question: string) => mentionEvent(`<@${FakeSlack.BOT_USER_ID}> ${question}`);
const isError = (e: LogEntry) => e.level === 'error';

async function expectStillServing() {
  const res = await bot.post(commandBody('leavers'));
  expect(res.status).toBe(200);
  expect(headerOf(asMessage(res.json))).toBe('Managing leavers');
}

describe('when Slack fails', () => {
  it('logs an error when chat.postMessage keeps answering 500, and keeps serving', async () => {
    slack.fail('chat.postMessage', { status: 500, body: { ok: false, error: 'internal_error' } }, 10);
    const res = await bot.post(eventBody(mention('leavers')));
    expect(res.status).toBe(200);

    const logged = await bot.waitForLog(isError, 15_000);
    expect(logged.msg).toMatch(/could not/);
    expect(logged.status).toBe(500);
    // The client tried more than once before giving up, and nothing was delivered.
    expect(slack.failedCallsTo('chat.postMessage').length).toBeGreaterThanOrEqual(2);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    // Nothing secret in what was logged.
    expect(JSON.stringify(bot.logs)).not.toContain('xoxb-test-0000-token');

    slack.reset();
    await expectStillServing();
    const next = mention('onboarding');
    await bot.post(eventBody(next));
    const [call] = await slack.waitFor('chat.postMessage', 1, 8000);
    expect(call!.args.thread_ts).toBe(next.ts);
  });

  it('delivers once when a 500 is followed by success', async () => {
    slack.fail('chat.postMessage', { status: 500 }, 1);
    const event = mention('weeknote');
    await bot.post(eventBody(event));

    const [call] = await slack.waitFor('chat.postMessage', 1, 8000);
    expect(call!.args.thread_ts).toBe(event.ts);
    expect(slack.failedCallsTo('chat.postMessage')).toHaveLength(1);
    expect(bot.logs.filter(isError)).toEqual([]);
  });

  it('waits out a 429 with Retry-After: 1 and delivers exactly once', async () => {
    slack.fail('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } }, 1);
    const event = mention('leavers');
    await bot.post(eventBody(event));

    const [call] = await slack.waitFor('chat.postMessage', 1, 10_000);
    expect(call!.args.thread_ts).toBe(event.ts);
    expect(headerOf(asMessage(call!.args))).toBe('Managing leavers');
    // Let any duplicate arrive, then check there is none.
    await expectStillServing();
    await new Promise((r) => setTimeout(r, 200));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(slack.failedCallsTo('chat.postMessage')).toHaveLength(1);
    expect(bot.logs.filter(isError)).toEqual([]);
  });

  it('logs a Slack API error (ok: false) such as not_in_channel, and keeps serving', async () => {
    slack.fail('chat.postMessage', { status: 200, body: { ok: false, error: 'not_in_channel' } }, 1);
    await bot.post(eventBody(mention('leavers')));

    const logged = await bot.waitForLog(isError);
    expect(logged.slackError).toBe('not_in_channel');
    expect(slack.failedCallsTo('chat.postMessage')).toHaveLength(1);

    await expectStillServing();
    await bot.post(eventBody(mention('onboarding')));
    await slack.waitFor('chat.postMessage');
  });

  it('logs a failed response_url post, and keeps serving', async () => {
    slack.fail('response/broken', { status: 500 }, 5);
    const value = 'https://docs.publishing.service.gov.uk/manual/tech-lead-responsibilities.html#managing-leavers';
    const res = await bot.post(actionBody(blockActionsPayload({ value, channel: 'C0TECHLEAD', responseUrl: `${slack.responseUrlBase}broken` })));
    expect(res.status).toBe(200);

    const logged = await bot.waitForLog(isError);
    expect(logged.msg).toMatch(/could not post the chosen section/);
    await expectStillServing();
  });
});
