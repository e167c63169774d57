import type { ManualIndex } from '../load/loadManualIndex.js';
import type { SectionPage } from '../sections/types.js';

/**
 * What a manual is about, as the bot lists it (a reply with nothing plausible, help, the Home tab,
 * the CLI): a manual of this many sections or fewer lists its sections; a bigger one (the whole
 * GOV.UK manual has some 900) its pages under the site sections they are filed under.
 */
export const SMALL_MANUAL_SECTIONS = 25;

export function isSmallManual(manual: Pick<ManualIndex, 'sections'>): boolean {
  return manual.sections.length <= SMALL_MANUAL_SECTIONS;
}

/** The manual's index page sits beside its folder: .../manual -> .../manual.html, as on the site. */
export function manualHome(manual: Pick<ManualIndex, 'baseUrl'>): string {
  return `${manual.baseUrl}.html`;
}

/** A site section of the manual's home page, and its pages. */
export interface SiteSection {
  /** The front matter's `section`; undefined for pages filed under none. */
  name?: string;
  /** Where the manual's home page lists it; undefined for pages filed under none. */
  url?: string;
  pages: SectionPage[];
}

/** The anchor the site gives a heading: "Learning GOV.UK" -> "learning-gov-uk". */
function siteAnchor(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The manual's pages by site section, sorted by name (pages filed under none last), pages by title. */
export function siteSections(manual: Pick<ManualIndex, 'pages' | 'baseUrl'>): SiteSection[] {
  const groups = new Map<string, SectionPage[]>();
  for (const { page } of manual.pages.values()) {
    const name = page.section?.trim() ?? '';
    groups.set(name, [...(groups.get(name) ?? []), page]);
  }
  const names = [...groups.keys()].sort((a, b) => (!a ? 1 : !b ? -1 : a.localeCompare(b)));
  return names.map((name) => {
    const pages = groups.get(name)!.sort((a, b) => a.title.localeCompare(b.title));
    return name ? { name, url: `${manualHome(manual)}#${siteAnchor(name)}`, pages } : { pages };
  });
}
