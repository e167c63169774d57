import { createHash } from 'node:crypto';
import type { ManualIndex } from '../load/loadManualIndex.js';
import { type Block, LIMITS, splitLong } from './blocks.js';
import { escapeMrkdwn, mrkdwnLink } from './escape.js';
import { FIND_IN_MANUAL_NAME } from './shortcutAnswer.js';
import { isSmallManual, manualHome, siteSections } from './topics.js';
import type { HomeView } from './views.js';

/** The Home tab's button that opens the search modal (actions/openSearch). */
export const OPEN_SEARCH_ACTION = 'open_search';

/** A heading line and the links under it: a page and its sections, or a site section and its pages. */
interface TopicGroup {
  heading: string;
  lines: string[];
}

/** Pages under their site section (see topics.ts), each site section linked to its place on the manual's home page. */
function bySiteSection(manual: ManualIndex): TopicGroup[] {
  return siteSections(manual).map((g) => ({
    heading: g.name && g.url ? `*${mrkdwnLink(g.url, g.name)}*` : '*Other pages*',
    lines: g.pages.map((p) => `• ${mrkdwnLink(p.url, p.title)}`),
  }));
}

/** Each page with its sections: a small manual can show everything it can answer. */
function byPage(manual: ManualIndex): TopicGroup[] {
  return [...manual.pages.values()].map((outline) => ({
    heading: `*${mrkdwnLink(outline.page.url, outline.page.title)}*`,
    lines: outline.sections.map((s) => `• ${mrkdwnLink(s.url, s.heading)}`),
  }));
}

function sectionBlock(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/**
 * Lines into section blocks of at most 3,000 characters, a block ending only between lines, so a
 * link is never cut in two (a line too long for a block on its own, which no title makes, is cut
 * as prose). Blank lines separate groups; a block never starts with one.
 */
function packLines(lines: string[]): Block[] {
  const texts: string[] = [];
  let current = '';
  for (const line of lines.flatMap((l) => splitLong(l))) {
    if (current && `${current}\n${line}`.length > LIMITS.sectionText) {
      texts.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line.trimStart();
  }
  if (current.trim()) texts.push(current);
  return texts.map((t) => sectionBlock(t.trim()));
}

/**
 * The topics in at most `maxBlocks` section blocks of at most 3,000 characters, whatever the
 * manual's size, most detailed first: a block per group (a long group split between its lines);
 * else the groups run together; else only the group headings, each with its count of links; else
 * as many headings as fit and a link to the rest.
 */
export function topicSections(groups: TopicGroup[], maxBlocks: number, browseUrl: string): Block[] {
  const perGroup = groups.flatMap((g) => packLines([g.heading, ...g.lines]));
  if (perGroup.length <= maxBlocks) return perGroup;
  const together = packLines(groups.flatMap((g, i) => [...(i ? [''] : []), g.heading, ...g.lines]));
  if (together.length <= maxBlocks) return together;
  const summary = packLines(groups.map((g) => `${g.heading} (${g.lines.length})`));
  if (summary.length <= maxBlocks) return summary;
  return [...summary.slice(0, Math.max(0, maxBlocks - 1)), sectionBlock(`_More in ${mrkdwnLink(browseUrl, 'the manual')}._`)];
}

/** How to reach the bot from anywhere in Slack: the command, a mention, a DM, the shortcut and links. */
function howToAsk(bot: string): string {
  return [
    '• `/techlead leavers` or `/techlead how do I onboard a new developer?` in any channel: the answer, for the channel to see.',
    `• Mention ${bot} in a channel: answered in a thread under your message.`,
    '• Send me a direct message (the *Messages* tab above): answered here.',
    `• On any message, *More actions* (⋮) → *${FIND_IN_MANUAL_NAME}*: the answer to that message, shown only to you, with a button to share it in the thread.`,
    '• Paste a link to a page or section of the manual: I show its heading, the start of its text and who owns it.',
  ].join('\n');
}

/**
 * The Home tab: what the bot is, a button to search, how to ask, and what it knows (every section
 * of a small manual, or for a large one its pages under the manual's own site sections), within a
 * view's 100 blocks and a section's 3,000 characters however big the manual is.
 * `botUserId` makes the mention in "how to ask" show the bot's name as installed.
 */
export function homeView(manual: ManualIndex, botUserId?: string): HomeView {
  // The same for everyone, until the manual is reloaded: built once (several ms for the whole manual), not per open.
  const byBot = built.get(manual) ?? new Map<string, HomeView>();
  built.set(manual, byBot);
  let view = byBot.get(botUserId ?? '');
  if (!view) {
    view = buildHomeView(manual, botUserId);
    byBot.set(botUserId ?? '', view);
  }
  return view;
}

const built = new WeakMap<ManualIndex, Map<string, HomeView>>();

function buildHomeView(manual: ManualIndex, botUserId?: string): HomeView {
  const bot = botUserId ? `<@${botUserId}>` : '@techlead';
  const small = isSmallManual(manual);
  // Sections as the Home lists them: under their page, so a page's intro is the page, not a section.
  const sections = manual.sections.filter((s) => s.anchor).length;
  const counts = `${manual.pageCount} page${manual.pageCount === 1 ? '' : 's'}, ${sections} section${sections === 1 ? '' : 's'}`;
  const head: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: 'The GOV.UK developer manual, in Slack', emoji: false } },
    sectionBlock('Ask me a question and I answer with the section of the manual that answers it, linked to the manual and to the channel that owns it. When nothing in the manual fits, I say so rather than guess.'),
    { type: 'actions', block_id: 'search', elements: [{ type: 'button', action_id: OPEN_SEARCH_ACTION, text: { type: 'plain_text', text: 'Search the manual', emoji: false }, value: 'home', style: 'primary' }] },
    { type: 'divider' },
    sectionBlock('*How to ask*'),
    sectionBlock(howToAsk(bot)),
    { type: 'divider' },
    sectionBlock(`*${small ? 'Topics' : 'The manual by section'}* (${escapeMrkdwn(counts)})`),
  ];
  const tail: Block[] = [{ type: 'context', elements: [{ type: 'mrkdwn', text: `Browse ${mrkdwnLink(manualHome(manual), 'the GOV.UK developer manual')}.` }] }];
  const topics = topicSections(small ? byPage(manual) : bySiteSection(manual), LIMITS.viewBlocks - head.length - tail.length, manualHome(manual));
  const blocks = [...head, ...topics, ...tail];
  return { type: 'home', blocks, private_metadata: createHash('sha256').update(JSON.stringify(blocks)).digest('hex').slice(0, 16) };
}
