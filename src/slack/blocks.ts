import type { Section } from '../sections/types.js';
import { runSteps, type Steps } from '../steps.js';
import { toMrkdwnBlocks } from './mrkdwn.js';
import { escapeMrkdwn } from './escape.js';

/** Block Kit's limits (https://docs.slack.dev/reference/block-kit/blocks). */
export const LIMITS = {
  sectionText: 3000,
  headerText: 150,
  blocks: 50,
  /** A Home tab or a modal holds twice as many blocks as a message. */
  viewBlocks: 100,
  /** Slack truncates messages beyond about 12,000 characters of block text; stay clear of it. */
  messageText: 11000,
  buttonText: 75,
  fallbackText: 3000,
};

/** Slack's block types, as much of them as the bot builds. */
export type Block =
  | { type: 'header'; text: { type: 'plain_text'; text: string; emoji?: boolean } }
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'context'; elements: { type: 'mrkdwn'; text: string }[] }
  | { type: 'divider' }
  | { type: 'actions'; block_id?: string; elements: Button[] };

export interface Button {
  type: 'button';
  action_id: string;
  text: { type: 'plain_text'; text: string; emoji?: boolean };
  value: string;
  /** Green for the one thing a view is for ("Search the manual"); unset for the rest. */
  style?: 'primary';
}

export interface Message {
  text: string;
  blocks: Block[];
}

export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Splits one mrkdwn block that is too long for a section block: code by lines (each piece fenced
 * again), prose at the last line break, sentence end or space before the limit.
 */
export function splitLong(text: string, max = LIMITS.sectionText): string[] {
  if (text.length <= max) return [text];
  if (text.startsWith('```\n') && text.endsWith('\n```')) {
    const lines = text.slice(4, -4).split('\n');
    const pieces: string[] = [];
    let current: string[] = [];
    const room = max - 8;
    for (const line of lines.map((l) => clip(l, room))) {
      if (current.join('\n').length + line.length + 1 > room && current.length) {
        pieces.push(`\`\`\`\n${current.join('\n')}\n\`\`\``);
        current = [];
      }
      current.push(line);
    }
    if (current.length) pieces.push(`\`\`\`\n${current.join('\n')}\n\`\`\``);
    return pieces;
  }
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    // At the last line break, sentence end or space; a piece with none in its second half is cut hard.
    let cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('. ') + 1, window.lastIndexOf(' '));
    if (cut <= max / 2) cut = max;
    // Never inside a link (`<url|text>`) or an escape (`&amp;`): back up to where it starts.
    const head = rest.slice(0, cut);
    const lt = head.lastIndexOf('<');
    if (lt > head.lastIndexOf('>') && lt > 0) cut = lt;
    const amp = head.lastIndexOf('&');
    if (amp > head.lastIndexOf(';') && cut - amp < 8 && amp > 0) cut = Math.min(cut, amp);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/**
 * Packs mrkdwn blocks into section blocks of at most 3000 characters, keeping whole paragraphs
 * together where they fit, within a budget of characters and blocks for the whole message.
 * Returns the blocks and whether anything had to be left out.
 */
export function packSections(parts: string[], budget: { chars: number; blocks: number }): { blocks: Block[]; truncated: boolean } {
  const blocks: Block[] = [];
  let chars = 0;
  let current = '';
  let truncated = false;
  const flush = () => {
    if (!current) return;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: current } });
    chars += current.length;
    current = '';
  };
  for (const piece of parts.flatMap((p) => splitLong(p))) {
    const joined = current ? `${current}\n\n${piece}` : piece;
    if (joined.length <= LIMITS.sectionText) {
      if (chars + joined.length > budget.chars) {
        truncated = true;
        break;
      }
      current = joined;
      continue;
    }
    flush();
    if (blocks.length >= budget.blocks || chars + piece.length > budget.chars) {
      truncated = true;
      break;
    }
    current = piece;
  }
  if (!truncated) flush();
  else if (current && blocks.length < budget.blocks) flush();
  return { blocks, truncated };
}

export interface RenderedSection {
  /** Header, body and footer: everything but the buttons, which depend on the question. */
  blocks: Block[];
  text: string;
}

/** Slack-ready blocks for a section, made once per section (see prerender) and reused. */
const cache = new WeakMap<Section, RenderedSection>();
/** A page's intro as the start of a page answer, shorter, to leave room for the page's sections. */
const introCache = new WeakMap<Section, RenderedSection>();

/**
 * Room kept, in a section's message, for the footer and up to three "Also:" buttons; in a page
 * answer, for the footer and the page's sections, up to 25 buttons of 75 characters.
 */
const SECTION_BUDGET = { chars: LIMITS.messageText - 600, blocks: LIMITS.blocks - 6 };
const PAGE_INTRO_BUDGET = { chars: LIMITS.messageText - 4000, blocks: LIMITS.blocks - 12 };

export function renderSection(section: Section, opts: { showPage: boolean }): RenderedSection {
  let rendered = cache.get(section);
  if (!rendered) {
    rendered = render(section, opts.showPage && section.heading !== section.page.title, SECTION_BUDGET);
    cache.set(section, rendered);
  }
  return rendered;
}

/** A page's intro (possibly empty) rendered to open an answer with the whole page. */
export function renderPageIntro(intro: Section): RenderedSection {
  let rendered = introCache.get(intro);
  if (!rendered) {
    rendered = render(intro, false, PAGE_INTRO_BUDGET);
    introCache.set(intro, rendered);
  }
  return rendered;
}

function render(section: Section, showPage: boolean, budget: { chars: number; blocks: number }): RenderedSection {
  const blocks: Block[] = [{ type: 'header', text: { type: 'plain_text', text: clip(section.heading, LIMITS.headerText), emoji: false } }];
  if (showPage) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `From *${escapeMrkdwn(section.page.title)}*` }] });
  const body = packSections(toMrkdwnBlocks(section.content.children), budget);
  blocks.push(...body.blocks);
  if (body.truncated) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `_This section is long: <${section.url}|read the rest in the manual>._` } });
  }
  const footer = [`<${section.url}|Open in the GOV.UK developer manual>`];
  if (section.page.ownerSlack) footer.push(`Owned by ${escapeMrkdwn(section.page.ownerSlack)}`);
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: footer.join('  ·  ') }] });

  // The fallback for notifications and clients without Block Kit: the heading, the start of the
  // section as plain text, and the link to the rest.
  const text = `${escapeMrkdwn(clip(`${section.heading}: ${section.text.body}`, 200))} ${section.url}`;
  return { blocks, text };
}

/** Renders every section up front, so answering is a look-up. */
export function prerender(sections: Section[], showPage: boolean): void {
  runSteps(prerenderSteps(sections, showPage));
}

/** prerender in steps of a hundred sections (about 5–25 ms of the whole GOV.UK manual; see steps.ts). */
export function* prerenderSteps(sections: Section[], showPage: boolean): Steps<void> {
  for (const [i, s] of sections.entries()) {
    if (i > 0 && i % 100 === 0) yield;
    renderSection(s, { showPage });
  }
}

