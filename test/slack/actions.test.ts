import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Button } from '../../src/slack/blocks.js';
import { FakeSlack } from '../support/fakeSlack.js';
import { actionBody, blockActionsPayload, commandBody, freshTs } from '../support/signedRequest.js';
import { asMessage, blockKitViolations, footerOf, headerOf, sectionButtonsOf, sectionIdOf } from '../support/slackMessage.js';
import { type RunningBot, startBot } from '../support/startBot.js';

const MANUAL = 'https://docs.publishing.service.gov.uk/manual/';
/** Questions likely to match more than one section; the test uses whichever the bot offers buttons for. */
const BROAD_QUESTIONS = ['whats the leaver proccess', 'how do i keep an eye on the helth of my team', 'tech lead', 'writing', 'team', 'work', 'developers', 'tech lead stand up'];

let slack: FakeSlack;
let bot: RunningBot;
/** An "Also:" button from a real answer, and the question that produced it. */
let alternatives: { question: string; button: Button; answerHeader: string } | undefined;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  bot = await startBot(slack.url);
  for (const question of BROAD_QUESTIONS) {
    const reply = asMessage((await bot.post(commandBody(question))).json);
    // An answer with alternatives, not a close call (whose buttons are the sections themselves).
    const [button] = sectionButtonsOf(reply);
    if (button && /^Also: /.test(button.text.text)) {
      alternatives = { question, button, answerHeader: headerOf(reply) ?? '' };
      break;
    }
  }
});
beforeEach(() => slack.reset());
afterAll(async () => {
  await bot.stop();
  await slack.stop();
});

function found(): { question: string; button: Button; answerHeader: string } {
  if (!alternatives) throw new Error(`none of ${JSON.stringify(BROAD_QUESTIONS)} was answered with "Also:" buttons`);
  return alternatives;
}

/** The heading a button offers: its text without "Also: " (and without the ellipsis, if it was shortened). */
function offeredHeading(button: Button): string {
  return button.text.text.replace(/^Also: /, '').replace(/…$/, '');
}

describe('"Also:" buttons', () => {
  it('come with an answer that has close alternatives, each naming a section by its URL', async () => {
    const reply = asMessage((await bot.post(commandBody(found().question))).json);
    const actions = reply.blocks.filter((b) => b.type === 'actions' && b.block_id === 'alternatives');
    expect(actions).toHaveLength(1);
    const buttons = sectionButtonsOf(reply);
    expect(buttons.length).toBeGreaterThanOrEqual(1);
    expect(buttons.length).toBeLessThanOrEqual(3);
    for (const b of buttons) {
      expect(b.type).toBe('button');
      expect(b.text.text).toMatch(/^Also: /);
      expect(sectionIdOf(b).startsWith(MANUAL)).toBe(true);
      expect(b.action_id).toMatch(/^show_section(:|$)/);
      // An alternative, not the answer again.
      expect(offeredHeading(b)).not.toBe(found().answerHeader);
    }
    expect(new Set(buttons.map((b) => b.action_id)).size).toBe(buttons.length);
    expect(blockKitViolations(reply)).toEqual([]);
  });

  it('post the chosen section in the same thread when the answer is in a thread', async () => {
    const threadTs = freshTs();
    const payload = blockActionsPayload({ value: found().button.value, actionId: found().button.action_id, channel: 'C0TECHLEAD', threadTs, responseUrl: `${slack.responseUrlBase}thread` });
    const res = await bot.post(actionBody(payload));
    expect(res.status).toBe(200);

    const [call] = await slack.waitFor('chat.postMessage');
    expect(call!.args.channel).toBe('C0TECHLEAD');
    expect(call!.args.thread_ts).toBe(threadTs);
    const message = asMessage(call!.args);
    expect(headerOf(message)?.startsWith(offeredHeading(found().button))).toBe(true);
    expect(footerOf(message)).toContain(sectionIdOf(found().button));
    expect(blockKitViolations(message)).toEqual([]);
    expect(slack.callsTo('response/thread')).toHaveLength(0);
  });

  it('post the chosen section to the response URL, for all to see, under a slash command answer', async () => {
    const payload = blockActionsPayload({ value: found().button.value, actionId: found().button.action_id, channel: 'C0TECHLEAD', responseUrl: `${slack.responseUrlBase}xyz` });
    const res = await bot.post(actionBody(payload));
    expect(res.status).toBe(200);

    const [call] = await slack.waitFor('response/xyz');
    expect(call!.args.response_type).toBe('in_channel');
    expect(call!.args.replace_original).toBe(false);
    const message = asMessage(call!.args);
    expect(headerOf(message)?.startsWith(offeredHeading(found().button))).toBe(true);
    expect(footerOf(message)).toContain(sectionIdOf(found().button));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('post the chosen section in the DM when the answer is in a DM', async () => {
    const payload = blockActionsPayload({ value: found().button.value, actionId: found().button.action_id, channel: 'D0000042', responseUrl: `${slack.responseUrlBase}dm` });
    await bot.post(actionBody(payload));

    const [call] = await slack.waitFor('chat.postMessage');
    expect(call!.args.channel).toBe('D0000042');
    expect(headerOf(asMessage(call!.args))?.startsWith(offeredHeading(found().button))).toBe(true);
  });

  it('post through the response URL in a DM the bot is not in (/techlead used between two people)', async () => {
    slack.fail('chat.postMessage', { status: 200, body: { ok: false, error: 'channel_not_found' } });
    const payload = blockActionsPayload({ value: found().button.value, actionId: found().button.action_id, channel: 'D0HUMANS', responseUrl: `${slack.responseUrlBase}humans` });
    await bot.post(actionBody(payload));

    const [call] = await slack.waitFor('response/humans');
    expect(call!.args.response_type).toBe('in_channel');
    expect(headerOf(asMessage(call!.args))?.startsWith(offeredHeading(found().button))).toBe(true);
    expect(slack.failedCallsTo('chat.postMessage')).toHaveLength(1);
    expect(bot.logs.some((l) => l.level === 'error')).toBe(false);
  });

  it('work for any section id, e.g. Managing leavers', async () => {
    const value = `${MANUAL}tech-lead-responsibilities.html#managing-leavers`;
    await bot.post(actionBody(blockActionsPayload({ value, channel: 'C0TECHLEAD', threadTs: freshTs(), responseUrl: `${slack.responseUrlBase}any` })));

    const [call] = await slack.waitFor('chat.postMessage');
    expect(headerOf(asMessage(call!.args))).toBe('Managing leavers');
  });

  it('say so, only to the clicker, when the section has gone from the manual', async () => {
    const value = `${MANUAL}tech-lead-responsibilities.html#a-section-that-was-removed`;
    const res = await bot.post(actionBody(blockActionsPayload({ value, channel: 'C0TECHLEAD', threadTs: freshTs(), responseUrl: `${slack.responseUrlBase}gone` })));
    expect(res.status).toBe(200);

    const [call] = await slack.waitFor('response/gone');
    expect(call!.args.response_type).toBe('ephemeral');
    expect(call!.args.replace_original).toBe(false);
    expect(String(call!.args.text)).toMatch(/no longer in the manual/);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });
});
