import { type AnswerRef, encodeRef, type ThreadRef } from './answerRef.js';
import { type Block, type Button, LIMITS, type Message } from './blocks.js';
import { decodeShowSection } from './followUps.js';
import { SHOW_SECTION_ACTION } from './messages.js';

/** The message shortcut, as manifest.yml names it. */
export const FIND_IN_MANUAL_CALLBACK = 'find_in_manual';
export const FIND_IN_MANUAL_NAME = 'Find in the manual';
/** Under a shortcut's answer: show a section to the same person only (actions/showPrivateSection). */
export const PRIVATE_SECTION_ACTION = 'private_section';
/** Under a shortcut's answer: post it in the thread of the message it answers (actions/shareInThread). */
export const SHARE_IN_THREAD_ACTION = 'share_in_thread';

const SHOWS_SECTION = new RegExp(`^${SHOW_SECTION_ACTION}(:|$)`);
/** A button's value is at most 2,000 characters. */
const VALUE_MAX = 2000;

/**
 * A button that would post a section where the answer is ("Also: …", "On this page", an offer's
 * choices) shows it privately instead: the shortcut's answer is only for the person who used it,
 * and nothing is posted for others unless they choose to share it.
 */
function privately(block: Block, where: ThreadRef): Block {
  if (block.type !== 'actions') return block;
  const elements = block.elements
    .map((b): Button => (SHOWS_SECTION.test(b.action_id) ? { ...b, action_id: b.action_id.replace(SHOW_SECTION_ACTION, PRIVATE_SECTION_ACTION), value: encodeRef({ kind: 'section', id: decodeShowSection(b.value)?.s ?? b.value }, where) } : b))
    .filter((b) => b.value.length <= VALUE_MAX);
  return { ...block, elements };
}

/**
 * The answer to a message shortcut, shown only to the person who used it: the reply with its
 * section buttons made private, and, for an answer (a section or a page; not an offer or "nothing
 * on that"), a "Share in thread" button that posts it as a reply to the message. Within a
 * message's 50 blocks: the note saying who can see it is left out before the button is.
 */
export function privateAnswer(message: Message, ref: AnswerRef | undefined, where: ThreadRef): Message {
  const blocks = message.blocks.map((b) => privately(b, where)).filter((b) => b.type !== 'actions' || b.elements.length > 0);
  if (ref && blocks.length < LIMITS.blocks) {
    blocks.push({
      type: 'actions',
      block_id: 'share',
      elements: [{ type: 'button', action_id: SHARE_IN_THREAD_ACTION, text: { type: 'plain_text', text: 'Share in thread', emoji: false }, value: encodeRef(ref, where), style: 'primary' }],
    });
  }
  if (blocks.length < LIMITS.blocks) {
    const note = ref ? 'Only you can see this. *Share in thread* posts it as a reply to the message, for everyone there.' : 'Only you can see this.';
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: note }] });
  }
  return { text: message.text, blocks };
}
