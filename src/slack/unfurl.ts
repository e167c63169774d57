import type { RootContent } from 'mdast';
import { plainText } from '../sections/plainText.js';
import type { Section, SectionPage } from '../sections/types.js';
import { type Block, clip } from './blocks.js';
import { escapeMrkdwn, mrkdwnLink } from './escape.js';
import type { LinkTarget } from './manualLinks.js';

/** What chat.unfurl shows under one link: blocks, and plain text for notifications. */
export interface Unfurl {
  blocks: Block[];
  fallback: string;
}

/** An unfurl is a preview: "the first paragraph or so", stopping at a sentence once past MIN. */
const EXCERPT = { min: 200, max: 500 };
/** Enough of a page's section headings to show what it covers. */
const OUTLINE_MAX = 300;

/** Prose a reader sees first: paragraphs, lists and quotes (code and tables make poor previews). */
const PROSE = new Set<RootContent['type']>(['paragraph', 'list', 'blockquote']);

/**
 * The start of a section as plain text: its first paragraphs until there are at least MIN
 * characters, cut at the end of a sentence (or a word) before MAX. Plain text, not mrkdwn, so a
 * cut can never leave a link or a bold mark open. Escaped: the manual's text is not ours.
 */
export function excerptOf(section: Section): string {
  let text = '';
  for (const node of section.content.children) {
    if (!PROSE.has(node.type)) continue;
    const piece = plainText(node).replace(/\s+/g, ' ').trim();
    if (!piece) continue;
    text = text ? `${text} ${piece}` : piece;
    if (text.length >= EXCERPT.min) break;
  }
  if (!text) text = section.text.body.replace(/\s+/g, ' ').trim();
  return escapeMrkdwn(shorten(text, EXCERPT.max));
}

/** At most `max` characters, ending at a sentence if one ends in the second half, else at a word, with "…". */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const window = text.slice(0, max - 1);
  const sentence = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
  if (sentence > max / 2) return window.slice(0, sentence + 1);
  const space = window.lastIndexOf(' ');
  return `${(space > max / 2 ? window.slice(0, space) : window).trimEnd()}…`;
}

function footer(page: SectionPage, fromPage: boolean): Block {
  const parts: string[] = [];
  if (fromPage) parts.push(`From *${escapeMrkdwn(page.title)}*`);
  if (page.ownerSlack) parts.push(`Owned by ${escapeMrkdwn(page.ownerSlack)}`);
  parts.push('GOV.UK developer manual');
  return { type: 'context', elements: [{ type: 'mrkdwn', text: parts.join('  ·  ') }] };
}

/**
 * The preview of a link into the manual: the section's (or page's) heading linked, the start of
 * its text, the page it is from and the channel that owns it. A page whose text starts with a
 * heading has no intro to quote, so its preview lists its sections instead.
 */
export function unfurlOf(target: LinkTarget): Unfurl {
  if (target.kind === 'section') {
    const { section } = target;
    const title = `*${mrkdwnLink(section.url, section.heading)}*`;
    const excerpt = excerptOf(section);
    return {
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: excerpt ? `${title}\n${excerpt}` : title } }, footer(section.page, section.heading !== section.page.title)],
      fallback: `${clip(section.heading, 150)} (GOV.UK developer manual)`,
    };
  }
  const { outline } = target;
  const title = `*${mrkdwnLink(outline.page.url, outline.page.title)}*`;
  const excerpt = excerptOf(outline.intro);
  const headings = outline.sections.map((s) => s.heading);
  const onThisPage = headings.length ? escapeMrkdwn(shorten(`On this page: ${headings.join(' · ')}`, OUTLINE_MAX)) : '';
  const blocks: Block[] = [{ type: 'section', text: { type: 'mrkdwn', text: [title, excerpt || onThisPage].filter(Boolean).join('\n') } }];
  if (excerpt && onThisPage) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: onThisPage }] });
  blocks.push(footer(outline.page, false));
  return { blocks, fallback: `${clip(outline.page.title, 150)} (GOV.UK developer manual)` };
}
