import type { Section, SectionPage } from './types.js';

/** A page as a whole: its intro and its sections, in page order, for answering with the page. */
export interface PageOutline {
  page: SectionPage;
  /**
   * The page's intro: the text before its first heading, headed by the page title. A page that
   * starts with a heading has none in the index; it gets an empty one here, so a page is always
   * answered with its title, its link and its owner.
   */
  intro: Section;
  /** Every section of the page but the intro, in page order. */
  sections: Section[];
}

/** The pages the sections come from, by page file, in the order the sections are. */
export function pageOutlines(sections: Section[]): Map<string, PageOutline> {
  const pages = new Map<string, PageOutline>();
  for (const section of sections) {
    let outline = pages.get(section.page.file);
    if (!outline) {
      outline = { page: section.page, intro: emptyIntro(section.page), sections: [] };
      pages.set(section.page.file, outline);
    }
    if (section.anchor === '') outline.intro = section;
    else outline.sections.push(section);
  }
  return pages;
}

function emptyIntro(page: SectionPage): Section {
  return {
    id: page.url,
    page,
    heading: page.title,
    anchor: '',
    url: page.url,
    line: 1,
    content: { type: 'root', children: [] },
    text: { subheadings: [], body: '', links: [] },
  };
}
