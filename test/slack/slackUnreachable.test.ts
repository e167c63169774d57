import { describe, expect, it } from '@jest/globals';
import { FakeSlack } from '../support/fakeSlack.js';
import { commandBody, eventBody, mentionEvent } from '../support/signedRequest.js';
import { asMessage, headerOf } from '../support/slackMessage.js';
import { type RunningBot, useBot } from '../support/startBot.js';

// A fresh bot whose first check of its token (auth.test) fails: outgoing calls to Slack are down.
describe('when the bot cannot check its token with Slack', () => {
  let slack: FakeSlack;
  let bot: RunningBot;
  useBot((s, b) => {
    slack = s;
    bot = b;
  });

  it('still answers /techlead in the acknowledgement, and says why it could not check', async () => {
    slack.fail('auth.test', { status: 500, body: { ok: false, error: 'internal_error' } }, 5);
    const res = await bot.post(commandBody('leavers'));
    expect(res.status).toBe(200);
    expect(headerOf(asMessage(res.json))).toBe('Managing leavers');
    const warning = await bot.waitForLog((e) => e.level === 'warn' && String(e.msg).includes('auth.test'));
    expect(warning.msg).toMatch(/answering without the bot ids/);
  });

  it('still answers a mention without knowing its own user id', async () => {
    // The failed check is not repeated for 30 s; every user mention is stripped from the question,
    // so the bot's own mention does not need its id to go.
    await bot.post(eventBody(mentionEvent(`<@${FakeSlack.BOT_USER_ID}> weeknote`)));
    const [call] = await slack.waitFor('chat.postMessage');
    expect(JSON.stringify(call!.args.blocks)).toContain('weeknote');
  });
});
