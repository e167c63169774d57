import type { Section } from '../sections/types.js';

/**
 * How strongly a word in each part of a section says "this section is about that", on a 0..1 scale.
 * A word in the heading is the strongest evidence; a word in the body only, the weakest, and it
 * grows with how often the body repeats it (see BODY_*). The page title and the site section the
 * page is filed under count for every section of the page, less than the section's own heading.
 * Chosen by measurement on test/eval (npm run eval), as whole field weights, not per question.
 */
export const FIELD_STRENGTH = {
  heading: 1,
  subheading: 0.8,
  pageTitle: 0.7,
  link: 0.7,
  pageSection: 0.35,
} as const;

/** Body strength: BODY_MIN for one mention, approaching BODY_MAX as mentions grow. */
export const BODY_MIN = 0.5;
export const BODY_MAX = 0.75;

export function bodyStrength(count: number): number {
  if (count <= 0) return 0;
  return BODY_MAX - (BODY_MAX - BODY_MIN) / count;
}

export type FieldName = keyof typeof FIELD_STRENGTH;

/** The texts of a section, by field. The intro's heading is the page title. */
export function sectionFields(section: Section): Record<FieldName | 'body', string[]> {
  return {
    heading: [section.heading],
    subheading: section.text.subheadings,
    pageTitle: [section.page.title],
    link: section.text.links,
    pageSection: section.page.section ? [section.page.section] : [],
    body: [section.text.body],
  };
}
