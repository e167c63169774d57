import type { Block, Button } from '../../src/slack/blocks.js';
import type { ViewBlock } from '../../src/slack/views.js';
import { BLOCK_KIT, blockKitViolations } from './slackMessage.js';

/** A view as the bot sends it to views.publish, views.open, views.update or in a view_submission ack. */
export interface SlackView {
  type: 'home' | 'modal';
  blocks: ViewBlock[];
  callback_id?: string;
  title?: { text: string };
  submit?: { text: string };
  close?: { text: string };
  private_metadata?: string;
}

/** Block Kit's limits for views (https://docs.slack.dev/reference/views). */
export const VIEWS = { blocks: 100, modalTitle: 24, privateMetadata: 3000, callbackId: 255 };

/** Narrows something the bot sent (a recorded call's argument, an ack's body) to a view, failing clearly if it is not one. */
export function asView(value: unknown): SlackView {
  // The Web API client sends a view form-encoded, as a JSON string.
  const v = (typeof value === 'string' ? JSON.parse(value) : value) as Partial<SlackView> | undefined;
  if (!v || (v.type !== 'home' && v.type !== 'modal') || !Array.isArray(v.blocks)) throw new Error(`not a view: ${JSON.stringify(value)?.slice(0, 500)}`);
  return v as SlackView;
}

/** The blocks a message could also hold (everything but input blocks). */
function messageBlocks(view: SlackView): Block[] {
  return view.blocks.filter((b): b is Block => b.type !== 'input');
}

/** Every way a view breaks Slack's limits; empty when it is fine. */
export function viewViolations(view: SlackView): string[] {
  const problems = blockKitViolations({ text: 'view', blocks: messageBlocks(view) }).filter((p) => !/ blocks > /.test(p));
  if (view.blocks.length > VIEWS.blocks) problems.push(`${view.blocks.length} blocks > ${VIEWS.blocks}`);
  if (view.type === 'modal') {
    for (const [name, field] of [['title', view.title], ['submit', view.submit], ['close', view.close]] as const) {
      if (field && field.text.length > VIEWS.modalTitle) problems.push(`modal ${name} ${field.text.length} > ${VIEWS.modalTitle}`);
    }
    if (!view.title) problems.push('modal without a title');
    if (view.blocks.some((b) => b.type === 'input') && !view.submit) problems.push('modal with an input and no submit button');
  }
  if ((view.private_metadata ?? '').length > VIEWS.privateMetadata) problems.push(`private_metadata ${view.private_metadata!.length} > ${VIEWS.privateMetadata}`);
  for (const b of view.blocks) if (b.type === 'input' && b.label.text.length > 2000) problems.push('input label > 2000');
  return problems;
}

export function viewButtons(view: SlackView): Button[] {
  return view.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
}

/** The text of every section, header and context block, for `toContain` checks. */
export function viewText(view: SlackView): string {
  return view.blocks
    .flatMap((b) => (b.type === 'section' || b.type === 'header' ? [b.text.text] : b.type === 'context' ? b.elements.map((e) => e.text) : b.type === 'actions' ? b.elements.map((e) => e.text.text) : []))
    .join('\n');
}

export function viewHeader(view: SlackView): string | undefined {
  const header = view.blocks.find((b) => b.type === 'header');
  return header?.type === 'header' ? header.text.text : undefined;
}

export { BLOCK_KIT };
