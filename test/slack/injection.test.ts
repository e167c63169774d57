import { describe, expect, it } from '@jest/globals';
import { FakeSlack } from '../support/fakeSlack.js';
import { commandBody, eventBody, mentionEvent, messageEvent } from '../support/signedRequest.js';
import { allText, asMessage, headerOf, type SlackMessage } from '../support/slackMessage.js';
import { type RunningBot, useBot } from '../support/startBot.js';

const HOSTILE = '<!channel> <@U123> <!here> @everyone *bold* `code` & stuff zzqx';
/** Group mentions and a disguised link, which must not work either. */
const HOSTILE_LINKS = 'zzqx <!subteam^S0TEAM> <https://evil.example|click me> <!everyone>';
/** What must never reach Slack as typed: each would ping people or make a link. */
const RAW = ['<!channel>', '<!here>', '<@U123>', '<!subteam^S0TEAM>', '<https://evil.example', '<!everyone>'];

let slack: FakeSlack;
let bot: RunningBot;

useBot((s, b) => {
  slack = s;
  bot = b;
});

/** The user's words as the bot quoted them back: between “ and ” in the first block. */
function quoted(message: SlackMessage): string {
  const first = message.blocks[0];
  const text = first?.type === 'section' ? first.text.text : '';
  const m = /“([\s\S]*)”/.exec(text);
  if (!m) throw new Error(`no quoted question in ${JSON.stringify(text)}`);
  return m[1]!;
}

function expectDefused(message: SlackMessage) {
  const everything = JSON.stringify(message);
  for (const raw of RAW) expect(everything).not.toContain(raw);
  const text = allText(message);
  expect(text).toContain('&lt;!channel&gt;');
  expect(text).toContain('&lt;!here&gt;');
  expect(text).toMatch(/&lt;@\u200b?U123&gt;/);
  expect(text).toContain('&amp; stuff');
  // "@everyone" would ping with link_names; it is broken up.
  expect(text).not.toMatch(/@everyone/);
}

describe('user text in replies', () => {
  it('is escaped in a slash command reply: no mention, no link, no broadcast', async () => {
    const res = await bot.post(commandBody(HOSTILE));
    expect(res.status).toBe(200);
    expect(res.text).toContain('&lt;!channel&gt;');
    const reply = asMessage(res.json);

    expect(reply.response_type).toBe('ephemeral');
    expect(headerOf(reply)).toBeUndefined();
    expectDefused(reply);
    // Formatting marks are shown as typed, not applied to our own text.
    expect(quoted(reply)).not.toMatch(/(^|\s)\*bold\*/);
  });

  it('is escaped for group mentions and links in a slash command reply', async () => {
    const reply = asMessage((await bot.post(commandBody(HOSTILE_LINKS))).json);

    expect(reply.response_type).toBe('ephemeral');
    for (const raw of RAW) expect(JSON.stringify(reply)).not.toContain(raw);
    expect(allText(reply)).toContain('&lt;!subteam^S0TEAM&gt;');
    expect(allText(reply)).toContain('&lt;https://evil.example|click me&gt;');
  });

  it('is escaped in a mention reply', async () => {
    await bot.post(eventBody(mentionEvent(`<@${FakeSlack.BOT_USER_ID}> ${HOSTILE}`)));
    const [call] = await slack.waitFor('chat.postEphemeral');
    const reply = asMessage(call!.args);

    for (const raw of RAW) expect(JSON.stringify(reply)).not.toContain(raw);
    expect(allText(reply)).toContain('&lt;!channel&gt;');
    expect(allText(reply)).toContain('&lt;!here&gt;');
  });

  it('is escaped in a DM reply', async () => {
    await bot.post(eventBody(messageEvent(HOSTILE)));
    const [call] = await slack.waitFor('chat.postMessage');
    const reply = asMessage(call!.args);

    for (const raw of RAW) expect(JSON.stringify(reply)).not.toContain(raw);
    expect(allText(reply)).toContain('&lt;!channel&gt;');
  });

  it('is shown as the person typed it: what Slack sent escaped is escaped once, not twice', async () => {
    // Slack escapes &, < and > in the text of events and commands.
    const typed = 'zzqx R&amp;D &lt;!channel&gt; a &lt; b';
    await bot.post(eventBody(mentionEvent(`<@${FakeSlack.BOT_USER_ID}> ${typed}`)));
    const [call] = await slack.waitFor('chat.postEphemeral');
    const fromMention = quoted(asMessage(call!.args));
    const fromCommand = quoted(asMessage((await bot.post(commandBody(typed))).json));

    for (const echo of [fromMention, fromCommand]) {
      expect(echo).toBe('zzqx R&amp;D &lt;!channel&gt; a &lt; b');
      expect(echo).not.toContain('&amp;amp;');
    }
    expect(JSON.stringify(call!.args)).not.toContain('<!channel>');
  });

  it('is shortened: a 2,000-character question is echoed in at most about 100 characters', async () => {
    const long = `zzqx ${'<!channel> qwfp '.repeat(130)}`.slice(0, 2000);
    expect(long.length).toBe(2000);
    const res = await bot.post(commandBody(long));
    const reply = asMessage(res.json);

    const echo = quoted(reply);
    // Escaping makes `<` four characters; the limit is on what the person typed.
    const unescaped = echo.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\u200b/g, '');
    expect(unescaped.length).toBeLessThanOrEqual(100);
    expect(echo.length).toBeLessThanOrEqual(200);
    expect(reply.text.length).toBeLessThan(1000);
    expect(JSON.stringify(reply)).not.toContain('<!channel>');
  });
});
