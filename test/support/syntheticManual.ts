import type { ManualIndex } from '../../src/load/loadManualIndex.js';
import { pageUrl } from '../../src/manual/pageUrl.js';
import { pageOutlines } from '../../src/sections/pageOutline.js';
import { splitSections } from '../../src/sections/splitSections.js';
import type { Section } from '../../src/sections/types.js';

export interface SyntheticPage {
  file: string;
  title: string;
  /** The page's text; without it, the page is just its intro, made without parsing (quick, for thousands of pages). */
  markdown?: string;
  /** The site section it is filed under (front matter `section`). */
  section?: string;
  ownerSlack?: string;
}

/**
 * A manual built from pages in memory, split and outlined as the loader does, without a search
 * index: for views that list or link the manual (Home, unfurls), at sizes no fixture has.
 */
export function syntheticManual(pages: SyntheticPage[], baseUrl = 'https://docs.publishing.service.gov.uk/manual'): ManualIndex {
  const sections: Section[] = pages.flatMap((p) => {
    const url = pageUrl(p.file, baseUrl);
    if (p.markdown !== undefined) return splitSections({ file: p.file, meta: { title: p.title, section: p.section, ownerSlack: p.ownerSlack }, markdown: p.markdown, bodyLine: 1, url });
    const page = { file: p.file, title: p.title, url, ...(p.section ? { section: p.section } : {}), ...(p.ownerSlack ? { ownerSlack: p.ownerSlack } : {}) };
    const intro: Section = { id: url, page, heading: p.title, anchor: '', url, line: 1, content: { type: 'root', children: [] }, text: { subheadings: [], body: '', links: [] } };
    return [intro];
  });
  return {
    baseUrl,
    pageCount: pages.length,
    sections,
    pages: pageOutlines(sections),
    search: undefined as unknown as ManualIndex['search'],
    problems: [],
    exampleQuestions: 0,
    exampleProblems: [],
    loadedAt: new Date(0),
  };
}
