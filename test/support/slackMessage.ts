import type { Block, Button } from '../../src/slack/blocks.js';
import { decodeShowSection } from '../../src/slack/followUps.js';

/** A message as the bot sends it: in an ack, to chat.postMessage or to a response_url. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
  response_type?: string;
  replace_original?: boolean;
  channel?: string;
  thread_ts?: string;
}

/** Narrows something the bot sent (an ack body, recorded call args) to a message, failing clearly if it is not one. */
export function asMessage(value: unknown): SlackMessage {
  const m = value as Partial<SlackMessage> | undefined;
  if (!m || typeof m.text !== 'string' || !Array.isArray(m.blocks)) {
    throw new Error(`not a Slack message with text and blocks: ${JSON.stringify(value)?.slice(0, 500)}`);
  }
  return m as SlackMessage;
}

/** Every piece of text in the blocks (section, header, context and button texts), in order. */
export function blockTexts(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type === 'section' || b.type === 'header') out.push(b.text.text);
    else if (b.type === 'context') out.push(...b.elements.map((e) => e.text));
    else if (b.type === 'actions') out.push(...b.elements.map((e) => e.text.text));
  }
  return out;
}

/** All the message's text, blocks and fallback, as one string for `toContain` checks. */
export function allText(message: SlackMessage): string {
  return [message.text, ...blockTexts(message.blocks)].join('\n');
}

export function headerOf(message: SlackMessage): string | undefined {
  const header = message.blocks.find((b) => b.type === 'header');
  return header?.type === 'header' ? header.text.text : undefined;
}

export function buttonsOf(message: SlackMessage): Button[] {
  return message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
}

/** The buttons that post a section ("Also:", an offer's, "On this page"), without the feedback and "Ask" buttons. */
export function sectionButtonsOf(message: SlackMessage): Button[] {
  return buttonsOf(message).filter((b) => /^show_section(:|$)/.test(b.action_id));
}

/** The id (URL) of the section a section button posts. */
export function sectionIdOf(button: Button): string {
  return decodeShowSection(button.value)?.s ?? '';
}

/** A button by its action_id, or undefined. */
export function buttonOf(message: SlackMessage, actionId: string): Button | undefined {
  return buttonsOf(message).find((b) => b.action_id === actionId);
}

/** The last context block's text: the footer. */
export function footerOf(message: SlackMessage): string | undefined {
  const contexts = message.blocks.filter((b) => b.type === 'context');
  const last = contexts[contexts.length - 1];
  return last?.type === 'context' ? last.elements.map((e) => e.text).join(' ') : undefined;
}

/** Block Kit's documented limits (https://docs.slack.dev/reference/block-kit/blocks). */
export const BLOCK_KIT = { blocks: 50, sectionText: 3000, headerText: 150, buttonText: 75, buttonValue: 2000, contextElements: 10, actionsElements: 25 };

/** Every way the message breaks Block Kit's limits; empty when it is fine. */
export function blockKitViolations(message: SlackMessage): string[] {
  const problems: string[] = [];
  if (!message.text.trim()) problems.push('no plain-text fallback');
  if (message.blocks.length > BLOCK_KIT.blocks) problems.push(`${message.blocks.length} blocks > ${BLOCK_KIT.blocks}`);
  message.blocks.forEach((b, i) => {
    if (b.type === 'section' && b.text.text.length > BLOCK_KIT.sectionText) problems.push(`block ${i}: section text ${b.text.text.length} > ${BLOCK_KIT.sectionText}`);
    if (b.type === 'section' && !b.text.text.trim()) problems.push(`block ${i}: empty section`);
    if (b.type === 'header' && b.text.text.length > BLOCK_KIT.headerText) problems.push(`block ${i}: header ${b.text.text.length} > ${BLOCK_KIT.headerText}`);
    if (b.type === 'header' && b.text.type !== 'plain_text') problems.push(`block ${i}: header is not plain_text`);
    if (b.type === 'context' && b.elements.length > BLOCK_KIT.contextElements) problems.push(`block ${i}: ${b.elements.length} context elements`);
    if (b.type === 'actions') {
      if (b.elements.length > BLOCK_KIT.actionsElements) problems.push(`block ${i}: ${b.elements.length} actions`);
      for (const e of b.elements) {
        if (e.text.text.length > BLOCK_KIT.buttonText) problems.push(`block ${i}: button text ${e.text.text.length} > ${BLOCK_KIT.buttonText}`);
        if (e.value.length > BLOCK_KIT.buttonValue) problems.push(`block ${i}: button value ${e.value.length} > ${BLOCK_KIT.buttonValue}`);
      }
    }
  });
  return problems;
}

/** The total length of the text in the blocks. */
export function blockTextLength(message: SlackMessage): number {
  return blockTexts(message.blocks).reduce((n, t) => n + t.length, 0);
}

export { tempManual } from './tempManual.js';
