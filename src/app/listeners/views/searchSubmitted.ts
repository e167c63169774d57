import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { refOfAnswer } from '../../../slack/answerRef.js';
import { withoutFollowUps } from '../../../slack/followUps.js';
import { helpMessage, isHelpRequest } from '../../../slack/messages.js';
import { answerModal, QUESTION_BLOCK, QUESTION_INPUT } from '../../../slack/searchModal.js';
import { ask } from '../../ask.js';
import type { BotDeps } from '../../context.js';

/**
 * A question submitted in the search modal: answered in the acknowledgement itself, which updates
 * the modal to show the answer under the question (no call to Slack, well within 3 seconds). An
 * empty question is sent back as an error on the box, as Slack shows form errors. The answer's
 * feedback and "Ask" buttons are left out: in a modal there is no message to vote on or reply to.
 */
export function searchSubmitted(deps: BotDeps) {
  return async ({ ack, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    // The box's value as typed: plain text, not Slack markup, so nothing to unescape.
    const typed = view.state.values[QUESTION_BLOCK]?.[QUESTION_INPUT]?.value ?? '';
    const question = typed.replace(/\s+/g, ' ').trim();
    if (!question) {
      await ack({ response_action: 'errors', errors: { [QUESTION_BLOCK]: 'Type a question, or a few words, to search the manual for.' } });
      return;
    }
    if (isHelpRequest(question)) {
      await ack({ response_action: 'update', view: answerModal(question, helpMessage(deps.store.current())) });
      return;
    }
    const reply = ask(deps, 'home', question);
    await ack({ response_action: 'update', view: answerModal(question, withoutFollowUps(reply.message), refOfAnswer(reply)) });
  };
}
