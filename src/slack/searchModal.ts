import { type AnswerRef, encodeRef } from './answerRef.js';
import { clip, type Message } from './blocks.js';
import { type ModalView, VIEW_LIMITS, type ViewBlock } from './views.js';

/** The modal's callback id (views/searchSubmitted) and its question box. */
export const SEARCH_MODAL_CALLBACK = 'search_manual';
export const QUESTION_BLOCK = 'question';
export const QUESTION_INPUT = 'question_text';
/** Under an answer in the modal: post it to the person's DM with the bot (actions/sendToDm). */
export const SEND_TO_DM_ACTION = 'send_to_dm';
/** Longer than any question people type, short enough for the modal's metadata. */
export const QUESTION_MAX = 500;

function questionBox(question: string): ViewBlock {
  return {
    type: 'input',
    block_id: QUESTION_BLOCK,
    label: { type: 'plain_text', text: 'Your question', emoji: false },
    hint: { type: 'plain_text', text: 'A few words ("leavers") or a whole question ("how do I onboard a new developer?").', emoji: false },
    element: {
      type: 'plain_text_input',
      action_id: QUESTION_INPUT,
      placeholder: { type: 'plain_text', text: 'What do you want to know?', emoji: false },
      max_length: QUESTION_MAX,
      focus_on_load: true,
      ...(question ? { initial_value: clip(question, QUESTION_MAX) } : {}),
    },
  };
}

function modal(blocks: ViewBlock[], question: string): ModalView {
  return {
    type: 'modal',
    callback_id: SEARCH_MODAL_CALLBACK,
    title: { type: 'plain_text', text: 'GOV.UK dev manual', emoji: false },
    submit: { type: 'plain_text', text: 'Search', emoji: false },
    close: { type: 'plain_text', text: 'Close', emoji: false },
    blocks,
    // The question, for a button in the modal that shows another section under the same question.
    private_metadata: clip(question, VIEW_LIMITS.privateMetadata),
  };
}

/** The empty search: a question box. */
export function searchModal(): ModalView {
  return modal([questionBox('')], '');
}

/**
 * The answer in the modal, under the question box (to search again): the reply as it would be
 * posted, its section buttons showing their section here (actions/showSection), and for an answer
 * a button that sends it to the person's DM with the bot, or, once sent, a note saying so.
 * At most 50 blocks of answer and four more: well within a modal's 100.
 */
export function answerModal(question: string, message: Message, ref?: AnswerRef, sent = false): ModalView {
  const blocks: ViewBlock[] = [questionBox(question), { type: 'divider' }, ...message.blocks];
  if (ref && sent) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: ':white_check_mark: Sent to your direct messages with me.' }] });
  } else if (ref) {
    blocks.push({ type: 'divider' });
    blocks.push({
      type: 'actions',
      block_id: 'send',
      elements: [{ type: 'button', action_id: SEND_TO_DM_ACTION, text: { type: 'plain_text', text: 'Send to my DMs', emoji: false }, value: encodeRef(ref), style: 'primary' }],
    });
  }
  return modal(blocks, question);
}

/** The question a modal was answering, from its metadata. */
export function questionOf(view: { private_metadata?: string } | undefined): string {
  return view?.private_metadata ?? '';
}
