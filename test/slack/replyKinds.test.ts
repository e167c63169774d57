import { describe, expect, it } from '@jest/globals';
import type { FakeSlack } from '../support/fakeSlack.js';
import { SMALL_MANUAL } from '../support/listenerDeps.js';
import { actionBody, blockActionsPayload, commandBody, eventBody, mentionEvent } from '../support/signedRequest.js';
import { allText, asMessage, blockKitViolations, buttonsOf, headerOf } from '../support/slackMessage.js';
import { type RunningBot, useBot } from '../support/startBot.js';

// Issue 18's replies through the real app, on the small fixture manual (two pages, no examples):
// a page answer with its sections as buttons, an offer and the button that posts the chosen
// section, and the reply when nothing is plausible.
let slack: FakeSlack;
let bot: RunningBot;
useBot(
  (s, b) => {
    slack = s;
    bot = b;
  },
  { MANUAL_DIR: SMALL_MANUAL },
);

const PAGE = 'https://docs.publishing.service.gov.uk/manual/on-call.html';

describe('a page answer', () => {
  it('answers a question that names a page with the page: its intro, owner, and a button per section, for the channel', async () => {
    // "on call" is the page's title and one of its headings, equally: the page as a whole answers.
    const reply = asMessage((await bot.post(commandBody('who is on call?'))).json);
    expect(reply.response_type).toBe('in_channel');
    expect(headerOf(reply)).toBe('Being on call');
    expect(allText(reply)).toContain('Developers take turns to be on call');
    expect(allText(reply)).toContain('#fixture-on-call');
    expect(allText(reply)).toContain('On this page');
    const sections = buttonsOf(reply).filter((b) => b.action_id.startsWith('show_section'));
    expect(sections.map((b) => b.text.text)).toEqual(['Who is on call', 'Hand over at the end of a shift']);
    expect(blockKitViolations(reply)).toEqual([]);
  });

  it('posts the section a button names where the question was asked', async () => {
    const reply = asMessage((await bot.post(commandBody('who is on call?'))).json);
    const button = buttonsOf(reply).find((b) => b.text.text === 'Hand over at the end of a shift')!;
    const payload = blockActionsPayload({ value: button.value, actionId: button.action_id, channel: 'C0TECHLEAD', responseUrl: `${slack.responseUrlBase}page` });
    expect((await bot.post(actionBody(payload))).status).toBe(200);
    const [call] = await slack.waitFor('response/page');
    expect(call!.args.response_type).toBe('in_channel');
    expect(headerOf(asMessage(call!.args))).toBe('Hand over at the end of a shift');
    expect(allText(asMessage(call!.args))).toContain(`${PAGE}#hand-over-at-the-end-of-a-shift`);
  });
});

describe('an offer', () => {
  it('offers the plausible sections of both pages, to the asker only, and posts the one picked', async () => {
    // "release" and "shift" each point at a different page, and neither clearly answers.
    const reply = asMessage((await bot.post(commandBody('release shift'))).json);
    expect(reply.response_type).toBe('ephemeral');
    expect(allText(reply)).toContain('Is it one of these?');
    const offered = buttonsOf(reply).filter((b) => b.action_id.startsWith('show_section'));
    expect(offered.length).toBeGreaterThanOrEqual(2);
    expect(offered.length).toBeLessThanOrEqual(3);
    const pick = offered.find((b) => b.value.includes('hand-over'))!;
    const payload = blockActionsPayload({ value: pick.value, actionId: pick.action_id, channel: 'C0TECHLEAD', responseUrl: `${slack.responseUrlBase}offer` });
    await bot.post(actionBody(payload));
    const [call] = await slack.waitFor('response/offer');
    expect(headerOf(asMessage(call!.args))).toBe('Hand over at the end of a shift');
  });
});

describe('nothing plausible', () => {
  it('says so, shows how to ask and the topics of a small manual, to the asker only', async () => {
    const reply = asMessage((await bot.post(commandBody('zzqx qqzz'))).json);
    expect(reply.response_type).toBe('ephemeral');
    const text = allText(reply);
    expect(text).toContain("I don't have a section of the manual on “zzqx qqzz”");
    expect(text).toContain('/techlead leavers');
    for (const heading of ['Deploy to production', 'Roll back a release', 'Who is on call']) expect(text).toContain(heading);
    expect(headerOf(reply)).toBeUndefined();
  });

  it('in a mention, is posted to the asker only, in the thread', async () => {
    const event = mentionEvent('<@UBOT0001> zzqx qqzz');
    await bot.post(eventBody(event));
    const [call] = await slack.waitFor('chat.postEphemeral');
    expect(call!.args).toMatchObject({ user: event.user, thread_ts: event.ts });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });
});
