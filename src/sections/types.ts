import type { Root } from 'mdast';

/** The page a section comes from, as much as an answer needs to name and link it. */
export interface SectionPage {
  file: string;
  title: string;
  url: string;
  ownerSlack?: string;
  /** The front matter `section` the page is filed under on the site, e.g. "Learning GOV.UK". */
  section?: string;
}

/** A section of a page: the intro (before the first H1/H2) or one H1/H2 with everything under it. */
export interface Section {
  /** Stable id: the section's URL. */
  id: string;
  page: SectionPage;
  /** The heading text; for the intro, the page title. */
  heading: string;
  /** The site's anchor of the heading; empty for the intro, which links to the page itself. */
  anchor: string;
  url: string;
  /** 1-based line in the page file where the section starts. */
  line: number;
  /** The section's body as mdast (references resolved, HTML cleaned), without its own heading. */
  content: Root;
  /** Plain text of the parts that the index weighs differently. */
  text: SectionText;
}

export interface SectionText {
  /** Headings of H3+ subsections. */
  subheadings: string[];
  /** Body text, including code and the text of links. */
  body: string;
  /** The text of links, also counted in `body`, since authors put a page's key terms in them. */
  links: string[];
}
