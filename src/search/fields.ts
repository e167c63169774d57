import type { Section } from '../sections/types.js';
import { PARAMS } from './params.js';

/** How strongly a body that mentions a word `count` times is about it (PARAMS.bodyMin..bodyMax). */
export function bodyStrength(count: number): number {
  if (count <= 0) return 0;
  return PARAMS.bodyMax - (PARAMS.bodyMax - PARAMS.bodyMin) / count;
}

export type FieldName = keyof typeof PARAMS.field;
export const FIELDS = Object.keys(PARAMS.field) as FieldName[];

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
