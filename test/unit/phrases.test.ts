import { describe, expect, it } from '@jest/globals';
import { parseFrontMatter } from '../../src/manual/frontMatter.js';
import { pageUrl } from '../../src/manual/pageUrl.js';
import { buildIndex } from '../../src/search/buildIndex.js';
import { buildPhraseIndex, contentStems, phraseHits, stemPairs } from '../../src/search/phrases.js';
import { search } from '../../src/search/rank.js';
import { tokenize, words } from '../../src/search/tokenize.js';
import { splitSections } from '../../src/sections/splitSections.js';
import type { Section } from '../../src/sections/types.js';

function sectionsOf(file: string, title: string, body: string): Section[] {
  const fm = parseFrontMatter(`---\ntitle: ${title}\n---\n\n${body}`);
  if (!fm.ok) throw new Error(fm.message);
  return splitSections({ file, meta: fm.meta, markdown: fm.markdown, bodyLine: fm.bodyLine, url: pageUrl(file, 'https://docs.example.test/manual') });
}

describe('adjacent word pairs', () => {
  it('pairs content words in order, skipping stop words, stemmed', () => {
    expect(contentStems(words('Deploy the emergency banners now'))).toEqual(['deploi', 'emerg', 'banner']);
    expect(stemPairs(['deploi', 'emerg', 'banner'])).toEqual(['deploi emerg', 'emerg banner']);
    expect(stemPairs(['banner'])).toEqual([]);
  });

  it('indexes each section once per pair, and counts how many of a question’s pairs each uses', () => {
    const stems = (text: string) => tokenize(text).map((t) => t.stem);
    const index = buildPhraseIndex([[stems('Emergency banner'), stems('deploy the emergency banner, then the emergency banner again')], [stems('an emergency: put up a banner')]]);
    expect(index.get('emerg banner')).toEqual([0]);
    expect(phraseHits(index, ['deploi emerg', 'emerg banner', 'banner again'])).toEqual(new Map([[0, 2]]));
  });
});

describe('ranking with word pairs', () => {
  // The two sections match the question's words equally in everything but the pairs, and the one
  // that should lose comes first (a tie goes to the earlier section).
  const sections = [
    ...sectionsOf('admin.html.md', 'Admin', 'About the admin.\n\n## Checking\n\nEach page has a status in the admin.\n'),
    ...sectionsOf('incidents.html.md', 'Incidents', 'What to do.\n\n## Telling users\n\nPost a message on the status page during an incident.\n'),
  ];
  const index = buildIndex(sections);
  const scores = (q: string) => new Map(search(index, q).matches.map((m) => [m.section.heading, m.score]));

  it('prefers a section that has the question’s words side by side', () => {
    const s = scores('status page');
    expect(s.get('Telling users')).toBeGreaterThan(s.get('Checking')!);
  });

  it('leaves one-word questions to the words alone', () => {
    const s = scores('status');
    expect(s.get('Telling users')).toBe(s.get('Checking'));
  });
});
