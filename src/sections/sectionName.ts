import type { Section } from './types.js';

/**
 * A section as people should see it named: its heading, with its page's title after it when the
 * page has other sections that could be confused with it (`withPage`, e.g. a manual of several
 * pages). An intro is headed by its page title already.
 */
export function sectionName(section: Section, withPage: boolean): string {
  return withPage && section.heading !== section.page.title ? `${section.heading} (${section.page.title})` : section.heading;
}
