import type { Answer } from '../answer/answer.js';
import type { ManualIndex } from '../load/loadManualIndex.js';
import { sectionName } from '../sections/sectionName.js';
import type { Section } from '../sections/types.js';
import { runStepsYielding } from '../steps.js';
import type { PageOutline } from '../sections/pageOutline.js';
import { type Block, type Button, clip, LIMITS, type Message, prerenderSteps, renderPageIntro, renderSection } from './blocks.js';
import { escapeMrkdwn, mrkdwnLink, quoteUserText } from './escape.js';
import { isSmallManual, manualHome, siteSections } from './topics.js';
import { followUpBlocks, routeOf, showSectionValue, withFollowUps } from './followUps.js';

export const SHOW_SECTION_ACTION = 'show_section';

/**
 * Buttons that post a section (actions/showSection), labelled `${prefix}${label}`. Each carries
 * the question too, so the section it posts can take feedback on that question.
 */
function sectionButtons(sections: Section[], question: string | undefined, prefix: string, blockId: string, label: (s: Section) => string = (s) => s.heading): Block[] {
  if (!sections.length) return [];
  const elements: Button[] = sections.map((s, i) => ({
    type: 'button',
    action_id: `${SHOW_SECTION_ACTION}:${i}`,
    text: { type: 'plain_text', text: clip(`${prefix}${label(s)}`, LIMITS.buttonText), emoji: false },
    value: showSectionValue(s.id, question),
  }));
  return [{ type: 'actions', block_id: blockId, elements }];
}

/** In a manual of several pages, a section shows which page it is from. */
function showPage(manual: Pick<ManualIndex, 'pageCount'>): boolean {
  return manual.pageCount > 1;
}

/**
 * Renders every section for Slack before the manual serves, as sectionMessage shows it (the
 * rendering is cached per section), in steps that hand the event loop back (see steps.ts), so a
 * reload while serving holds no question up.
 */
export function prerenderManual(manual: Pick<ManualIndex, 'sections' | 'pageCount'>): Promise<void> {
  return runStepsYielding(prerenderSteps(manual.sections, showPage(manual)));
}

/** The answer to a question: the section, and close alternatives as buttons. */
export function sectionMessage(manual: ManualIndex, section: Section, alternatives: Section[] = [], question?: string): Message {
  const rendered = renderSection(section, { showPage: showPage(manual) });
  return { text: rendered.text, blocks: [...rendered.blocks, ...sectionButtons(alternatives, question, 'Also: ', 'alternatives')] };
}

/**
 * What a person can ask about, as links that fit in a message: the sections of a small manual, or
 * for a large one the site sections its pages are filed under, each linked to its place on the
 * manual's home page (see topics.ts).
 */
export function topicsBlocks(manual: ManualIndex): Block[] {
  const items = isSmallManual(manual)
    ? manual.sections.map((s) => `• ${mrkdwnLink(s.url, s.heading)}`)
    : siteSections(manual).map((g) => `• ${g.name && g.url ? mrkdwnLink(g.url, g.name) : 'Other pages'} (${g.pages.length})`);
  const blocks: Block[] = [];
  // A few short lines a block, well within a section block's 3,000 characters, at most 10 blocks.
  for (let i = 0; i < items.length && blocks.length < 10; i += 15) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: items.slice(i, i + 15).join('\n') } });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Browse <${manualHome(manual)}|the GOV.UK developer manual>.` }] });
  return blocks;
}

/** How to ask, with the command's name as installed. */
function howToAsk(command: string): string {
  return `Ask me in a few words (\`${command} leavers\`) or a whole question (\`${command} how do I onboard a new developer?\`), by mentioning me in a channel (answered in a thread) or in a direct message.`;
}

/** Nothing in the manual is plausible: say so, show how to ask, and what it knows. */
export function noMatchMessage(manual: ManualIndex, question: string, command = '/techlead'): Message {
  const quoted = quoteUserText(question);
  const topics = isSmallManual(manual) ? 'Topics:' : 'Or browse the manual by section:';
  return {
    text: `I don't have a section of the manual on “${quoted}”. Browse the manual: ${manualHome(manual)}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `I don't have a section of the manual on “${quoted}”.` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: howToAsk(command) }] },
      { type: 'section', text: { type: 'mrkdwn', text: `*${topics}*` } },
      ...topicsBlocks(manual),
    ],
  };
}

/**
 * No section answers clearly, but some are plausible: rather than guess, the bot names them and
 * lets the person pick; the one they pick is posted where they asked.
 */
export function offerMessage(manual: ManualIndex, question: string, sections: Section[]): Message {
  const quoted = quoteUserText(question);
  const withPage = showPage(manual);
  const names = sections.map((s) => sectionName(s, withPage));
  const list = sections.map((s, i) => `• ${mrkdwnLink(s.url, names[i]!)}`).join('\n');
  return {
    text: `I'm not sure which section of the manual answers “${quoted}”. Is it one of these? ${names.map(escapeMrkdwn).join('; ')}.`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `I'm not sure which section of the manual answers “${quoted}”. Is it one of these?` } },
      { type: 'section', text: { type: 'mrkdwn', text: list } },
      ...sectionButtons(sections, question, '', 'offered', (s) => sectionName(s, withPage)),
    ],
  };
}

/** Buttons a message can hold in one actions block. */
const BUTTONS_PER_BLOCK = 25;

/**
 * The answer with a whole page: its intro, its owner and link, then "On this page": a button per
 * section (each posts that section where the question was asked), and links for any beyond what
 * one actions block holds.
 */
export function pageMessage(outline: PageOutline, question?: string): Message {
  const rendered = renderPageIntro(outline.intro);
  const blocks: Block[] = [...rendered.blocks];
  const { sections } = outline;
  if (sections.length) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: '*On this page*' } });
    blocks.push(...sectionButtons(sections.slice(0, BUTTONS_PER_BLOCK), question, '', 'on_this_page'));
    const rest = sections.slice(BUTTONS_PER_BLOCK);
    if (rest.length) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: rest.map((s) => `• ${mrkdwnLink(s.url, s.heading)}`).join('\n') } });
  }
  const headings = sections.map((s) => s.heading).join('; ');
  return { text: clip(`${rendered.text}${headings ? ` On this page: ${escapeMrkdwn(headings)}` : ''}`, LIMITS.fallbackText), blocks };
}

export function helpMessage(manual: ManualIndex, command = '/techlead'): Message {
  const how = `Ask me about the GOV.UK developer manual and I'll answer from it. ${howToAsk(command)}`;
  return {
    text: `${how} Topics: ${manualHome(manual)}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: how } },
      { type: 'section', text: { type: 'mrkdwn', text: isSmallManual(manual) ? '*Topics*' : '*The manual by section*' } },
      ...topicsBlocks(manual),
    ],
  };
}

/** What a reply needs beyond the answer: where questions go when no page owns them. */
export interface ReplyOptions {
  defaultOwner: string;
}

/** The body of a reply: a section with alternatives, a page, an offer, or an honest "no section on that". */
function replyBody(manual: ManualIndex, answer: Answer): Message {
  const best = answer.matches[0];
  if (answer.kind === 'page' && answer.page) return pageMessage(answer.page, answer.question);
  if (answer.kind === 'offer' && answer.offered.length) return offerMessage(manual, answer.question, answer.offered);
  if (answer.kind !== 'section' || !best) return noMatchMessage(manual, answer.question);
  return sectionMessage(manual, best.section, answer.alternatives, answer.question);
}

/**
 * The reply to a question, with what follows every reply (followUps.ts): Helpful / Not helpful
 * under an answer, "Ask the owners" under anything else. Every reply, a section chosen from a
 * button included, is made here, so none goes out without them.
 */
export function replyTo(manual: ManualIndex, answer: Answer, options: ReplyOptions): Message {
  return withFollowUps(replyBody(manual, answer), followUpBlocks(answer, routeOf(answer, options.defaultOwner)));
}

/**
 * A section someone chose from a button ("Also:", an offer, "On this page"): the answer to the
 * question the button carried (buttons sent before they carried one have none: '').
 */
export function chosenSectionReply(manual: ManualIndex, section: Section, question: string, options: ReplyOptions): Message {
  const answer: Answer = { question, kind: 'section', answered: true, matches: [{ section, score: 1, words: 1 }], offered: [], alternatives: [] };
  return replyTo(manual, answer, options);
}

export function isHelpRequest(text: string): boolean {
  return /^\s*(help|\?|topics|)\s*$/i.test(text);
}
