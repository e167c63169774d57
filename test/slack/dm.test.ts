import { describe, expect, it } from '@jest/globals';
import { FakeSlack } from '../support/fakeSlack.js';
import { eventBody, freshTs, messageEvent } from '../support/signedRequest.js';
import { allText, asMessage, blockKitViolations, headerOf } from '../support/slackMessage.js';
import { type RunningBot, useBot } from '../support/startBot.js';

let slack: FakeSlack;
let bot: RunningBot;

useBot((s, b) => {
  slack = s;
  bot = b;
});

/**
 * Sends events the bot must ignore, then a DM it must answer, and returns every chat.postMessage
 * once that answer is in: anything the ignored events caused would have been posted by then.
 */
async function ignoredThenAnswered(ignored: Record<string, unknown>[]) {
  for (const event of ignored) {
    const res = await bot.post(eventBody(event));
    expect(res.status).toBe(200);
  }
  const marker = messageEvent('leavers', { channel: 'D0000MARK' });
  await bot.post(eventBody(marker));
  await slack.waitFor('chat.postMessage');
  // Give any stray answer a moment to arrive after the marker's.
  await new Promise((r) => setTimeout(r, 150));
  return slack.callsTo('chat.postMessage');
}

describe('direct messages', () => {
  it('answers a DM in the DM channel', async () => {
    const event = messageEvent('how do I onboard a new developer?');
    const res = await bot.post(eventBody(event));
    expect(res.status).toBe(200);

    const [call] = await slack.waitFor('chat.postMessage');
    expect(call!.args.channel).toBe('D0000042');
    expect(call!.args.thread_ts).toBeUndefined();
    const reply = asMessage(call!.args);
    expect(headerOf(reply)).toBe('Onboarding new team members');
    expect(blockKitViolations(reply)).toEqual([]);
  });

  it('answers a DM sent in a thread in that thread', async () => {
    const threadTs = freshTs();
    await bot.post(eventBody(messageEvent('leavers', { thread_ts: threadTs })));

    const [call] = await slack.waitFor('chat.postMessage');
    expect(call!.args.channel).toBe('D0000042');
    expect(call!.args.thread_ts).toBe(threadTs);
  });

  it('answers a DM with a file attached (subtype file_share), from its text', async () => {
    const files = [{ id: 'F0000001', name: 'screenshot.png', mimetype: 'image/png' }];
    await bot.post(eventBody(messageEvent('who writes the weeknote?', { subtype: 'file_share', files, upload: true })));

    const [call] = await slack.waitFor('chat.postMessage');
    expect(call!.args.channel).toBe('D0000042');
    expect(headerOf(asMessage(call!.args))).toBe('Attending tech lead stand up and writing the weeknote');
  });

  it('shows help for "help" in a DM', async () => {
    await bot.post(eventBody(messageEvent('help')));
    const [call] = await slack.waitFor('chat.postMessage');
    expect(allText(asMessage(call!.args))).toContain('Managing leavers');
    expect(headerOf(asMessage(call!.args))).toBeUndefined();
  });

  it.each([
    ['from a bot (bot_id)', { bot_id: 'BOTHER001', user: 'U0OTHERBOT' }],
    ["from the bot's own user", { user: FakeSlack.BOT_USER_ID }],
    ["from the bot's own bot id", { bot_id: FakeSlack.BOT_ID, user: FakeSlack.BOT_USER_ID }],
    ['with subtype bot_message', { subtype: 'bot_message', bot_id: 'BOTHER001', user: undefined }],
    ['with subtype message_changed', { subtype: 'message_changed', user: undefined, message: { type: 'message', user: 'U0000042', text: 'leavers', ts: '1700000000.000001' }, previous_message: { type: 'message', user: 'U0000042', text: 'leaver', ts: '1700000000.000001' }, hidden: true }],
    ['with subtype message_deleted', { subtype: 'message_deleted', user: undefined, deleted_ts: '1700000000.000001', previous_message: { type: 'message', user: 'U0000042', text: 'leavers', ts: '1700000000.000001' }, hidden: true }],
    ['with subtype channel_join', { subtype: 'channel_join', text: '<@U0000042> has joined the channel' }],
  ])('does not answer a DM %s', async (_name, extra) => {
    const event = messageEvent('leavers', extra);
    const calls = await ignoredThenAnswered([event]);

    expect(calls).toHaveLength(1);
    expect(calls[0]!.args.channel).toBe('D0000MARK');
  });

  it('ignores a channel message that does not mention the bot', async () => {
    const calls = await ignoredThenAnswered([
      messageEvent('leavers', { channel: 'C0TECHLEAD', channel_type: 'channel' }),
      messageEvent('leavers', { channel: 'G0PRIVATE', channel_type: 'group' }),
    ]);

    expect(calls).toHaveLength(1);
    expect(calls[0]!.args.channel).toBe('D0000MARK');
  });
});
