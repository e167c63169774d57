import { beforeAll, describe, expect, it } from '@jest/globals';
import { answerQuestion } from '../../src/answer/answer.js';
import { loadManualIndex, type ManualIndex } from '../../src/load/loadManualIndex.js';
import { DEFAULT_BASE_URL, SHIPPED_MANUAL_DIR } from '../../src/config.js';
import { buildIndex } from '../../src/search/buildIndex.js';
import { editDistance } from '../../src/search/editDistance.js';
import { correct } from '../../src/search/correctTypo.js';
import { search } from '../../src/search/rank.js';
import { properNouns, readQuestion } from '../../src/search/readQuestion.js';
import { parseSynonyms, SynonymFileError } from '../../src/search/synonyms.js';
import { stripSlackMarkup } from '../../src/slack/incomingText.js';
import { tokenize, words } from '../../src/search/tokenize.js';
import { SHIPPED_HEADINGS } from '../support/shippedManual.js';

const HEADINGS = SHIPPED_HEADINGS;

let manual: ManualIndex;
beforeAll(async () => {
  manual = await loadManualIndex({ dir: SHIPPED_MANUAL_DIR, baseUrl: DEFAULT_BASE_URL });
});

function topHeading(question: string): string | undefined {
  return answerQuestion(manual, question).matches[0]?.section.heading;
}

describe('the shipped manual', () => {
  it('loads with its 12 sections and no problems', () => {
    expect(manual.problems).toEqual([]);
    expect(manual.pageCount).toBe(1);
    expect(manual.sections.map((s) => s.heading)).toEqual(HEADINGS);
  });

  it.each(HEADINGS)('answers "%s" with that section when asked by its heading', (heading) => {
    const answer = answerQuestion(manual, heading);
    expect(answer.answered).toBe(true);
    expect(answer.matches[0]?.section.heading).toBe(heading);
  });

  it.each([
    ['leevers', 'Managing leavers'],
    ['onbording', 'Onboarding new team members'],
    ['how do I onbaord a new developer', 'Onboarding new team members'],
    ['weeknote', 'Attending tech lead stand up and writing the weeknote'],
    ['trello crad for a leaver', 'Managing leavers'],
  ])('corrects typos and finds sections by one of their words: %s', (question, heading) => {
    const answer = answerQuestion(manual, question);
    expect(answer.answered).toBe(true);
    expect(answer.matches[0]?.section.heading).toBe(heading);
  });

  it('corrects two letters swapped in a short word, which fuse.js alone misses', () => {
    expect(correct(manual.search, 'crad')?.word).toBe('card');
  });

  it('reads a capitalised word after a lower-case one as a name, and leaves an unknown name out', () => {
    expect([...properNouns('Priya Patel is leaving GOV.UK. Is Sam Jones too?')].sort()).toEqual(['jones', 'patel', 'sam']);
    expect([...properNouns('hey, Priya is leaving')]).toEqual(['priya']);
    // Not after a sentence, a line, a quote or an emoji code, and not in Title Case.
    for (const text of ['Leavers. Onbording too', 'thanks\nOnbording', '&gt; Onbording a new dev', ':wave: Onbording a new dev', 'Trello Crad Contents']) {
      expect([...properNouns(text)]).toEqual([]);
    }
    // "Patel" is one letter from "panel" (an interview panel: a question the page does not answer).
    for (const question of ['Priya Patel is leaving', 'Priya Patel is leaving GOV.UK']) {
      expect(readQuestion(manual.search, question).concepts.flatMap((c) => c.words)).not.toContain('panel');
      expect(topHeading(question)).toBe('Managing leavers');
      expect(answerQuestion(manual, question).answered).toBe(true);
    }
  });

  it('reads past Slack emoji codes and escaped characters, once stripped as the app strips them', () => {
    for (const question of [':wave: onbording a new dev', '&gt; onbording a new dev', 'onbording a new dev :pray:']) {
      expect(topHeading(stripSlackMarkup(question))).toBe('Onboarding new team members');
      expect(answerQuestion(manual, stripSlackMarkup(question)).answered).toBe(true);
    }
  });

  it.each(['zzqx qqzz', '', '   ', 'the of and', 'what is the canteen menu for friday'])(
    'does not answer "%s"',
    (question) => {
      expect(answerQuestion(manual, question).answered).toBe(false);
    },
  );

  it('has no matches at all for words nowhere in the manual', () => {
    expect(answerQuestion(manual, 'zzqx qqzz').matches).toEqual([]);
    expect(answerQuestion(manual, '').matches).toEqual([]);
  });

  it('scores matches from 0 to 1, best first, and no more than the limit', () => {
    for (const question of ['tech lead', 'team developers work', 'leavers trello card', 'access to services', 'PRs']) {
      const { matches } = search(manual.search, question, 20);
      expect(matches.length).toBeGreaterThan(0);
      for (const m of matches) {
        expect(m.score).toBeGreaterThanOrEqual(0);
        expect(m.score).toBeLessThanOrEqual(1);
      }
      const scores = matches.map((m) => m.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    expect(search(manual.search, 'team', 2).matches).toHaveLength(2);
    expect(answerQuestion(manual, 'team', 1).matches).toHaveLength(1);
  });

  it('gives a heading asked word for word a full lexical score', () => {
    const lexical = buildIndex(manual.sections, manual.search.synonyms);
    expect(search(lexical, 'Managing leavers').matches[0]?.score).toBe(1);
  });

  it('treats curly and straight apostrophes alike', () => {
    const pairs = [
      ['leaver’s trello card', "leaver's trello card"],
      ['what if I don’t know everything', "what if I don't know everything"],
      ['team’s health', "team's health"],
    ] as const;
    for (const [curly, straight] of pairs) {
      const a = answerQuestion(manual, curly);
      const b = answerQuestion(manual, straight);
      expect(a.answered).toBe(b.answered);
      expect(a.matches.map((m) => [m.section.id, m.score])).toEqual(b.matches.map((m) => [m.section.id, m.score]));
      expect(a.matches.length).toBeGreaterThan(0);
    }
    expect(topHeading('leaver’s trello card')).toBe('Managing leavers');
  });

  it('ignores Slack markup around the question, once stripped as the app strips it', () => {
    expect(topHeading(stripSlackMarkup('<@U123ABC> managing leavers?'))).toBe('Managing leavers');
    expect(topHeading(stripSlackMarkup('see <https://example.test/x|the weeknote>'))).toBe('Attending tech lead stand up and writing the weeknote');
  });
});

describe('synonyms', () => {
  const yaml = ['# what people say -> what the manual says', 'leavers: [offboarding, moving on, handed in their notice]', 'weeknote:', '  - newsletter'].join('\n');

  it('parses a YAML mapping of manual terms to phrases, longest phrases first', () => {
    const list = parseSynonyms(yaml);
    expect(list.map((s) => s.phrase.join(' '))).toEqual(['handed in their notice', 'moving on', 'offboarding', 'newsletter']);
    expect(list.find((s) => s.phrase[0] === 'offboarding')?.target).toEqual(['leaver']);
  });

  it('makes a phrase people use find the section in the manual’s words', () => {
    const sections = manual.sections;
    const without = buildIndex(sections, []);
    const withSynonyms = buildIndex(sections, parseSynonyms(yaml));

    // Without synonyms, "offboarding" is read as a typo of "onboarding": the opposite topic.
    expect(search(without, 'offboarding').matches[0]?.section.heading).not.toBe('Managing leavers');
    expect(search(withSynonyms, 'offboarding').matches[0]?.section.heading).toBe('Managing leavers');
    expect(search(withSynonyms, 'someone is moving on next month').matches[0]?.section.heading).toBe('Managing leavers');
    expect(search(withSynonyms, 'the newsletter').matches[0]?.section.heading).toBe(
      'Attending tech lead stand up and writing the weeknote',
    );
  });

  it('matches phrases as whole words, so part of a phrase does not trigger it', () => {
    const index = buildIndex(manual.sections, parseSynonyms(yaml));
    const { concepts } = search(index, 'moving house');
    expect(concepts.map((c) => c.words.join(' '))).toEqual(['moving', 'house']);
  });

  it('are used by the shipped manual (manual/synonyms.yml)', () => {
    expect(manual.synonymsFile).toMatch(/synonyms\.yml$/);
    const answer = answerQuestion(manual, 'offboarding');
    expect(answer.answered).toBe(true);
    expect(answer.matches[0]?.section.heading).toBe('Managing leavers');
  });

  it('reports a file that is not a mapping of lists', () => {
    expect(() => parseSynonyms('leavers: [offboarding', 'my-synonyms.yml')).toThrow(SynonymFileError);
    expect(() => parseSynonyms('leavers: [offboarding', 'my-synonyms.yml')).toThrow(/my-synonyms\.yml: not valid YAML/);
    expect(() => parseSynonyms('- a\n- b')).toThrow(/expected a mapping/);
    expect(() => parseSynonyms('leavers: offboarding')).toThrow(/should list phrases/);
    expect(parseSynonyms('')).toEqual([]);
    expect(parseSynonyms('# only a comment\n')).toEqual([]);
  });
});

describe('tokenize', () => {
  it('lowercases, drops stop words and possessives, and stems', () => {
    expect(tokenize('The Leaver’s Trello cards')).toEqual([
      { word: 'leaver', stem: 'leaver' },
      { word: 'trello', stem: trelloStem() },
      { word: 'cards', stem: 'card' },
    ]);
  });

  it('keeps GOV.UK as one word and joins hyphenated words as well as splitting them', () => {
    expect(words('GOV.UK on-board')).toEqual(['govuk', 'on', 'board', 'onboard']);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours as one edit each', () => {
    expect(editDistance('leavers', 'leavers')).toBe(0);
    expect(editDistance('leevers', 'leavers')).toBe(1);
    expect(editDistance('onbording', 'onboarding')).toBe(1);
    expect(editDistance('teh', 'the')).toBe(1);
    expect(editDistance('offboarding', 'onboarding')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('stops early past the maximum, returning max + 1', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

/** The stemmer's form of "trello" (whatever it is, the same as for the index). */
function trelloStem(): string {
  return tokenize('trello')[0]!.stem;
}
