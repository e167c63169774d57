import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeSlack } from '../support/fakeSlack.js';
import { eventBody, freshTs, mentionEvent } from '../support/signedRequest.js';
import { allText, asMessage, blockKitViolations, headerOf } from '../support/slackMessage.js';
import { type RunningBot, startBot } from '../support/startBot.js';

const BOT = `<@${FakeSlack.BOT_USER_ID}>`;

let slack: FakeSlack;
let bot: RunningBot;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  // LOG_QUESTIONS on, so the log shows the question as the bot understood it.
  bot = await startBot(slack.url, { LOG_QUESTIONS: 'true' });
});
beforeEach(() => slack.reset());
afterAll(async () => {
  await bot.stop();
  await slack.stop();
});

describe('@techlead mentions', () => {
  it('answers in a new thread under the mention (thread_ts = the mention ts)', async () => {
    const event = mentionEvent(`${BOT} who writes the weeknote?`);
    const res = await bot.post(eventBody(event));
    expect(res.status).toBe(200);

    const [call] = await slack.waitFor('chat.postMessage');
    expect(call!.args.channel).toBe('C0TECHLEAD');
    expect(call!.args.thread_ts).toBe(event.ts);
    const reply = asMessage(call!.args);
    expect(headerOf(reply)).toBe('Attending tech lead stand up and writing the weeknote');
    expect(blockKitViolations(reply)).toEqual([]);
    // Sent with the bot token.
    expect(call!.headers.authorization ?? call!.args.token).toMatch(/xoxb-test-0000-token/);
  });

  it('answers in the existing thread when mentioned inside one', async () => {
    const threadTs = freshTs();
    const event = mentionEvent(`${BOT} leavers`, { threadTs });
    await bot.post(eventBody(event));

    const [call] = await slack.waitFor('chat.postMessage');
    expect(call!.args.thread_ts).toBe(threadTs);
    expect(call!.args.thread_ts).not.toBe(event.ts);
    expect(headerOf(asMessage(call!.args))).toBe('Managing leavers');
  });

  it("takes the bot's own mention out of the question, wherever it is", async () => {
    await bot.post(eventBody(mentionEvent(`leavers ${BOT}`)));

    const [call] = await slack.waitFor('chat.postMessage');
    expect(headerOf(asMessage(call!.args))).toBe('Managing leavers');
    const logged = await bot.waitForLog((e) => e.msg === 'question' && e.source === 'mention' && e.question === 'leavers');
    expect(String(logged.question)).not.toContain(FakeSlack.BOT_USER_ID);
  });

  it.each([
    ['nothing', BOT],
    ['"help"', `${BOT} help`],
  ])('shows help for a mention with %s after it, to the person who asked only', async (_name, text) => {
    const event = mentionEvent(text);
    await bot.post(eventBody(event));

    const [call] = await slack.waitFor('chat.postEphemeral');
    expect(call!.args.user).toBe(event.user);
    const reply = asMessage(call!.args);
    expect(headerOf(reply)).toBeUndefined();
    expect(allText(reply)).toContain('Managing leavers');
    expect(allText(reply)).toContain('Onboarding new team members');
    expect(allText(reply)).toMatch(/Ask me about the GOV\.UK developer manual/);
  });

  it('says there is no section when there is none, in the thread, to the person who asked only', async () => {
    const event = mentionEvent(`${BOT} how do I book annual leave?`);
    await bot.post(eventBody(event));

    const [call] = await slack.waitFor('chat.postEphemeral');
    expect(call!.args.thread_ts).toBe(event.ts);
    expect(call!.args.user).toBe(event.user);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    const reply = asMessage(call!.args);
    expect(allText(reply)).toContain("I don't have a section");
    expect(headerOf(reply)).toBeUndefined();
  });

  it('ignores a mention sent by a bot, and answers the next one from a person', async () => {
    await bot.post(eventBody({ ...mentionEvent(`${BOT} leavers`), bot_id: 'BOTHER001' }));
    const person = mentionEvent(`${BOT} onboarding`);
    await bot.post(eventBody(person));

    const calls = await slack.waitFor('chat.postMessage');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args.thread_ts).toBe(person.ts);
  });
});
