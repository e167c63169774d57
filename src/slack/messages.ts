import type { Answer } from '../answer/answer.js';
import type { ManualIndex } from '../load/loadManualIndex.js';
import { sectionName } from '../sections/sectionName.js';
import type { Section } from '../sections/types.js';
import { runStepsYielding } from '../steps.js';
import { type Block, type Button, clip, LIMITS, type Message, prerenderSteps, renderSection } from './blocks.js';
import { escapeMrkdwn, mrkdwnLink, quoteUserText } from './escape.js';

export const SHOW_SECTION_ACTION = 'show_section';

/** The manual's index page sits beside its folder: .../manual -> .../manual.html, as on the site. */
function manualHome(manual: ManualIndex): string {
  return `${manual.baseUrl}.html`;
}

/** Buttons that post a section (actions/showSection), labelled `${prefix}${label}`. */
function sectionButtons(sections: Section[], prefix: string, blockId: string, label: (s: Section) => string = (s) => s.heading): Block[] {
  if (!sections.length) return [];
  const elements: Button[] = sections.map((s, i) => ({
    type: 'button',
    action_id: `${SHOW_SECTION_ACTION}:${i}`,
    text: { type: 'plain_text', text: clip(`${prefix}${label(s)}`, LIMITS.buttonText), emoji: false },
    value: s.id,
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
export function sectionMessage(manual: ManualIndex, section: Section, alternatives: Section[] = []): Message {
  const rendered = renderSection(section, { showPage: showPage(manual) });
  return { text: rendered.text, blocks: [...rendered.blocks, ...sectionButtons(alternatives, 'Also: ', 'alternatives')] };
}

/** The sections a person can ask about, as a list of links that fits in a message. */
export function topicsBlocks(manual: ManualIndex, max = 25): Block[] {
  const items: string[] = [];
  if (manual.pageCount === 1) {
    for (const s of manual.sections) items.push(`• ${mrkdwnLink(s.url, s.heading)}`);
  } else {
    const seen = new Set<string>();
    for (const s of manual.sections) {
      if (seen.has(s.page.url)) continue;
      seen.add(s.page.url);
      items.push(`• ${mrkdwnLink(s.page.url, s.page.title)}`);
    }
  }
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  const blocks: Block[] = [];
  for (let i = 0; i < shown.length; i += 12) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: shown.slice(i, i + 12).join('\n') } });
  }
  if (more > 0) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${more} more pages in <${manualHome(manual)}|the GOV.UK developer manual>.` }] });
  }
  return blocks;
}

export function noMatchMessage(manual: ManualIndex, question: string): Message {
  const quoted = quoteUserText(question);
  const intro = `I don't have a section of the manual on “${quoted}”. Try other words, or one of these topics:`;
  return {
    text: `I don't have a section of the manual on “${quoted}”. Browse the manual: ${manualHome(manual)}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: intro } },
      ...topicsBlocks(manual),
      { type: 'context', elements: [{ type: 'mrkdwn', text: `Or browse <${manualHome(manual)}|the GOV.UK developer manual>.` }] },
    ],
  };
}

/**
 * Two or more sections answer about equally well: rather than guess, the bot names them and lets
 * the person pick; the one they pick is posted where they asked.
 */
export function closeCallMessage(manual: ManualIndex, question: string, sections: Section[]): Message {
  const quoted = quoteUserText(question);
  const names = sections.map((s) => sectionName(s, manual.pageCount > 1));
  const list = sections.map((s, i) => `• ${mrkdwnLink(s.url, names[i]!)}`).join('\n');
  return {
    text: `More than one section of the manual could answer “${quoted}”: ${names.map(escapeMrkdwn).join('; ')}.`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `More than one section of the manual could answer “${quoted}”. Which one did you mean?` } },
      { type: 'section', text: { type: 'mrkdwn', text: list } },
      ...sectionButtons(sections, '', 'close_call', (s) => sectionName(s, manual.pageCount > 1)),
    ],
  };
}

export function helpMessage(manual: ManualIndex, command = '/techlead'): Message {
  const how = `Ask me about being a GOV.UK tech lead and I'll answer from the developer manual: \`${command} leavers\`, \`${command} how do I onboard a new developer?\`, a mention (\`@techlead weeknote\`) in a channel, or a direct message.`;
  return {
    text: `${how} Topics: ${manualHome(manual)}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: how } },
      { type: 'section', text: { type: 'mrkdwn', text: '*Topics*' } },
      ...topicsBlocks(manual),
    ],
  };
}

/** The reply to a question: the answer with alternatives, or an honest "no section on that". */
export function replyTo(manual: ManualIndex, answer: Answer): Message {
  const best = answer.matches[0];
  if (!answer.answered && answer.closeCall.length > 1) return closeCallMessage(manual, answer.question, answer.closeCall);
  if (!answer.answered || !best) return noMatchMessage(manual, answer.question);
  return sectionMessage(manual, best.section, answer.alternatives);
}

export function isHelpRequest(text: string): boolean {
  return /^\s*(help|\?|topics|)\s*$/i.test(text);
}
