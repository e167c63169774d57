import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeSlack } from '../support/fakeSlack.js';
import { actionBody, blockActionsPayload, commandBody, eventBody, mentionEvent } from '../support/signedRequest.js';
import { ASK_OWNERS, decodeAskOwners } from '../../src/slack/followUps.js';
import { allText, asMessage, blockKitViolations, buttonOf, buttonsOf, headerOf, sectionButtonsOf, sectionIdOf, tempManual } from '../support/slackMessage.js';
import { type RunningBot, startBot } from '../support/startBot.js';

// Two sections that answer a question about a Jenkins token exactly as well as each other, by their
// words and by their example questions: the bot should offer both, not pick one. The page has an
// intro of its own, which the question does not match, so the offer is not the page as a whole.
const PAGE = [
  '---',
  'title: Getting tokens',
  '---',
  '',
  'How we manage credentials and rotation.',
  '',
  '## The platform way',
  '',
  'Get a Jenkins token.',
  '',
  '## The self-service way',
  '',
  'Get a Jenkins token.',
  '',
].join('\n');
const EXAMPLES = ['pages:', '  tokens.html.md:', '    The platform way:', '      - "how do I get a jenkins token"', '    The self-service way:', '      - "how do I get a jenkins token"', ''].join('\n');
// The two sections tie on all of these; the first whose score falls between the threshold (an
// answer or a decline would be outside it) and a sure answer is an offer, whatever the numbers.
const CANDIDATES = ['how do I get a jenkins token', 'jenkins token', 'jenkins token credentials', 'jenkins token credentials rotation', 'jenkins credentials rotation manage'];
let question = '';
const BASE = 'https://docs.publishing.service.gov.uk/manual/tokens.html';

let slack: FakeSlack;
let bot: RunningBot;
let manual: ReturnType<typeof tempManual>;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  manual = tempManual({ 'tokens.html.md': PAGE, 'example-questions/tokens.yml': EXAMPLES });
  bot = await startBot(slack.url, { MANUAL_DIR: manual.dir });
  for (const q of CANDIDATES) {
    if (allText(asMessage((await bot.post(commandBody(q))).json)).includes('Is it one of these?')) {
      question = q;
      break;
    }
  }
  if (!question) throw new Error(`none of ${JSON.stringify(CANDIDATES)} was an offer`);
});
beforeEach(() => slack.reset());
afterAll(async () => {
  await bot.stop();
  await slack.stop();
  manual.remove();
});

describe('a question two sections answer about equally well: an offer', () => {
  it('gets both offered, only to the person who asked, as links and buttons', async () => {
    const res = await bot.post(commandBody(question));
    expect(res.status).toBe(200);
    const reply = asMessage(res.json);

    expect(reply.response_type).toBe('ephemeral');
    expect(headerOf(reply)).toBeUndefined();
    expect(allText(reply)).toContain(`I'm not sure which section of the manual answers “${question}”. Is it one of these?`);
    const values = sectionButtonsOf(reply).map(sectionIdOf);
    expect(values.sort()).toEqual([`${BASE}#the-platform-way`, `${BASE}#the-self-service-way`]);
    for (const b of sectionButtonsOf(reply)) {
      expect(b.action_id).toMatch(/^show_section:\d$/);
      expect(b.text.text).not.toMatch(/^Also:/);
    }
    expect(allText(reply)).toContain(`<${BASE}#the-platform-way|The platform way>`);
    // And the offer to ask a person: the page names no owner, so the default owner channel.
    const ask = buttonOf(reply, ASK_OWNERS)!;
    expect(ask.text.text).toBe('Ask #govuk-developers');
    expect(decodeAskOwners(ask.value)).toEqual({ q: question, r: 'offered', p: BASE });
    expect(blockKitViolations(reply)).toEqual([]);
  });

  it('posts the section picked, for all to see, under the slash command', async () => {
    const reply = asMessage((await bot.post(commandBody(question))).json);
    const button = sectionButtonsOf(reply).find((b) => sectionIdOf(b).endsWith('#the-self-service-way'))!;
    const payload = blockActionsPayload({ value: button.value, actionId: button.action_id, channel: 'C0TECHLEAD', responseUrl: `${slack.responseUrlBase}pick` });
    expect((await bot.post(actionBody(payload))).status).toBe(200);

    const [call] = await slack.waitFor('response/pick');
    expect(call!.args.response_type).toBe('in_channel');
    expect(headerOf(asMessage(call!.args))).toBe('The self-service way');
  });

  it('gets both offered in the thread of a mention, to the person who asked only', async () => {
    const event = mentionEvent(`<@UBOT0001> ${question}?`);
    expect((await bot.post(eventBody(event))).status).toBe(200);

    const [call] = await slack.waitFor('chat.postEphemeral');
    expect(call!.args.thread_ts).toBe(event.ts);
    expect(call!.args.user).toBe(event.user);
    const message = asMessage(call!.args);
    expect(allText(message)).toContain('Is it one of these?');
    expect(buttonsOf(message).length).toBeGreaterThanOrEqual(2);
    // Picking one posts it in the thread, though Slack sends no message for an ephemeral reply.
    slack.reset();
    const button = buttonsOf(message).find((b) => b.action_id.startsWith('show_section'))!;
    const payload = blockActionsPayload({ value: button.value, actionId: button.action_id, channel: 'C0TECHLEAD', threadTs: event.ts as string, ephemeral: true, responseUrl: `${slack.responseUrlBase}ephemeral` });
    await bot.post(actionBody(payload));
    const [posted] = await slack.waitFor('chat.postMessage');
    expect(posted!.args).toMatchObject({ channel: 'C0TECHLEAD', thread_ts: event.ts });
  });

  it('never pings anyone or breaks formatting with the question it quotes', async () => {
    const reply = asMessage((await bot.post(commandBody(`${question} <!channel> <@U0BOSS>`))).json);
    expect(allText(reply)).toContain('Is it one of these?');
    expect(JSON.stringify(reply)).not.toMatch(/<!channel>|<@U0BOSS>/);
  });
});
