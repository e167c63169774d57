import { beforeAll, describe, expect, it } from '@jest/globals';
import { answerQuestion } from '../../src/answer/answer.js';
import { DEFAULT_BASE_URL } from '../../src/config.js';
import { loadManualIndex, type ManualIndex } from '../../src/load/loadManualIndex.js';
import {
  ASK_OWNERS,
  BUTTON_VALUE_MAX,
  decodeAskOwners,
  decodeFeedback,
  decodeShowSection,
  encodeValue,
  FEEDBACK_HELPFUL,
  FEEDBACK_NOT_HELPFUL,
  ownerChannelOf,
  routeOf,
} from '../../src/slack/followUps.js';
import { cleanQuestion } from '../../src/slack/incomingText.js';
import { chosenSectionReply, replyTo } from '../../src/slack/messages.js';
import { buttonOf, blockKitViolations, buttonsOf } from '../support/slackMessage.js';
import { SMALL_MANUAL } from '../support/listenerDeps.js';

let manual: ManualIndex;
const OPTIONS = { defaultOwner: '#govuk-developers' };
beforeAll(async () => {
  manual = await loadManualIndex({ dir: SMALL_MANUAL, baseUrl: DEFAULT_BASE_URL });
});

const reply = (question: string) => {
  const answer = answerQuestion(manual, question);
  return { answer, message: replyTo(manual, answer, OPTIONS) };
};

describe('what follows a reply', () => {
  it('puts Helpful and Not helpful under an answer, carrying the question and the section', () => {
    const { answer, message } = reply('roll back a release');
    expect(answer.kind).toBe('section');
    const helpful = buttonOf(message, FEEDBACK_HELPFUL)!;
    const notHelpful = buttonOf(message, FEEDBACK_NOT_HELPFUL)!;
    expect(helpful.text.text).toBe('Helpful');
    expect(notHelpful.text.text).toBe('Not helpful');
    expect(decodeFeedback(helpful.value)).toEqual({ q: 'roll back a release', s: `${DEFAULT_BASE_URL}/deploying.html#roll-back-a-release` });
    expect(buttonOf(message, ASK_OWNERS)).toBeUndefined();
    expect(blockKitViolations({ ...message })).toEqual([]);
  });

  it('puts "Ask" and the owners’ channel under a reply that does not answer', () => {
    const { answer, message } = reply('how do I book annual leave?');
    expect(answer.kind).toBe('none');
    expect(buttonOf(message, FEEDBACK_HELPFUL)).toBeUndefined();
    const ask = buttonOf(message, ASK_OWNERS)!;
    // Nothing in the small manual is close: the default owner channel.
    expect(ask.text.text).toBe('Ask #govuk-developers');
    expect(decodeAskOwners(ask.value)).toEqual({ q: 'how do I book annual leave?', r: 'declined' });
  });

  it('gives a section chosen from a button the same feedback buttons, with the question the button carried', () => {
    const section = manual.sections.find((s) => s.heading === 'Deploy freezes')!;
    const message = chosenSectionReply(manual, section, 'can I deploy on friday', OPTIONS);
    expect(decodeFeedback(buttonOf(message, FEEDBACK_HELPFUL)!.value)).toEqual({ q: 'can I deploy on friday', s: section.id });
    // A button from before buttons carried questions: feedback still, with no question.
    expect(decodeFeedback(buttonOf(chosenSectionReply(manual, section, '', OPTIONS), FEEDBACK_HELPFUL)!.value)).toEqual({ q: '', s: section.id });
  });
});

describe('where a question goes', () => {
  const page = { file: 'a.html.md', title: 'A', url: 'https://x/a.html' };
  it('to the page’s owner channel, or the default one when the page names a person or nobody', () => {
    expect(ownerChannelOf({ ...page, ownerSlack: '#team-a' }, '#default')).toBe('#team-a');
    expect(ownerChannelOf({ ...page, ownerSlack: '@nila.patel' }, '#default')).toBe('#default');
    expect(ownerChannelOf(page, '#default')).toBe('#default');
    expect(ownerChannelOf(undefined, '#default')).toBe('#default');
  });

  it('to the nearest page only when the decision found it close', () => {
    const close = routeOf(answerQuestion(manual, 'roll back a release'), '#default');
    expect(close).toMatchObject({ owner: '#fixture-platform', page: { title: 'Deploying an application' } });
    const far = routeOf({ kind: 'none', matches: [{ section: manual.sections[0]!, score: 0.05, words: 0.05 }], offered: [] }, '#default');
    expect(far).toEqual({ owner: '#default' });
    // Declined, but the decision found the best match close enough to name (Answer.nearest).
    const declinedButClose = routeOf({ kind: 'none', matches: [{ section: manual.sections[0]!, score: 0.5, words: 0.5 }], offered: [], nearest: manual.sections[0]! }, '#default');
    expect(declinedButClose.page?.title).toBe('Deploying an application');
  });
});

describe('button values', () => {
  it('fit Slack’s 2,000 characters, however long the question and however much JSON escapes it', () => {
    for (const question of ['x'.repeat(5000), '"\\'.repeat(3000), '😀'.repeat(3000), `${'\u0001'.repeat(100)}${'é'.repeat(3000)}`]) {
      const value = encodeValue({ q: question, s: `${DEFAULT_BASE_URL}/deploying.html#roll-back-a-release` });
      expect(value.length).toBeLessThanOrEqual(BUTTON_VALUE_MAX);
      const decoded = decodeFeedback(value)!;
      expect(decoded.q.length).toBeGreaterThan(100);
      expect(decoded.s).toBe(`${DEFAULT_BASE_URL}/deploying.html#roll-back-a-release`);
    }
  });

  it('carry the question without Slack markup: no mention or <!channel> travels in a button', () => {
    const { message } = reply('<!channel> <@U0BOSS> how do I book annual leave? <https://x.example|see here>');
    for (const b of buttonsOf(message)) expect(b.value).not.toMatch(/<[@!#]|U0BOSS/);
    expect(decodeAskOwners(buttonOf(message, ASK_OWNERS)!.value)?.q).toBe('how do I book annual leave? see here');
  });

  it('that are forged or garbled decode to nothing, not a crash', () => {
    for (const bad of [undefined, '', 'not json', '[]', 'null', '{"q":1,"s":"x"}', '{"q":"x"}', '{"q":"x","s":""}']) expect(decodeFeedback(bad)).toBeUndefined();
    for (const bad of [undefined, '{}', '{"q":"x","r":"because"}', '{"q":"  ","r":"declined"}']) expect(decodeAskOwners(bad)).toBeUndefined();
    expect(decodeShowSection('https://x/a.html#b')).toEqual({ s: 'https://x/a.html#b' });
    expect(decodeShowSection('{"s":"https://x/a.html#b","q":"why"}')).toEqual({ s: 'https://x/a.html#b', q: 'why' });
    expect(decodeShowSection('{broken')).toBeUndefined();
  });
});

describe('the question the store keeps', () => {
  it('has no Slack markup, mentions, control characters or runs of spaces, and is at most 500 characters', () => {
    expect(cleanQuestion('<@U123|alex> <!here> where is <#C123|general>   the :wave: rota?\u0000')).toBe('where is the rota?');
    expect(cleanQuestion('see <https://example.com|the docs>')).toBe('see the docs');
    const long = cleanQuestion('word '.repeat(400));
    expect(Array.from(long).length).toBe(500);
    expect(long.endsWith('…')).toBe(true);
  });
});
