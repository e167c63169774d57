import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeRef, messageOfRef, urlOfRef } from '../../../slack/answerRef.js';
import type { Message } from '../../../slack/blocks.js';
import { feedbackBlock, withFollowUps } from '../../../slack/followUps.js';
import { answerModal, questionOf } from '../../../slack/searchModal.js';
import type { BotDeps } from '../../context.js';
import { deliver } from '../../slackErrors.js';

function note(text: string): Message {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/**
 * "Send to my DMs" under an answer in the search modal: posts the answer in the person's DM with
 * the bot (posting to a user's id does that), where they can find it again, then marks the modal
 * "sent"; the DM carries Helpful / Not helpful. If the answer has gone from the manual, or Slack
 * would not take it, the modal says so.
 */
export function sendToDm(deps: BotDeps) {
  return async ({ ack, action, body, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const view = body.view;
    const question = questionOf(view);
    const update = (what: string, next: ReturnType<typeof answerModal>) =>
      view ? deliver(deps, what, () => client.views.update({ view_id: view.id, hash: view.hash, view: next })) : Promise.resolve(false);
    const decoded = decodeRef(action.value);
    const manual = deps.store.current();
    const message = decoded && messageOfRef(manual, decoded.ref);
    if (!decoded || !message) {
      await update('say an answer has gone', answerModal(question, note('That answer is no longer in the manual. Search again to get the latest.')));
      return;
    }
    // In the DM the answer is a message of its own, to the person's own question: it takes
    // feedback as any answer does (the modal could not).
    const answerId = urlOfRef(manual, decoded.ref);
    const dm = question && answerId ? withFollowUps(message, [feedbackBlock(question, answerId)]) : message;
    const sent = await deliver(deps, 'send an answer to a DM', () => client.chat.postMessage({ channel: body.user.id, unfurl_links: false, ...dm }));
    if (sent) {
      deps.logger.log('info', 'sent an answer to a DM', { ...(decoded.ref.kind === 'section' ? { section: decoded.ref.id } : { page: decoded.ref.file }) });
      await update('say an answer was sent', answerModal(question, message, decoded.ref, true));
    } else {
      await update('say an answer could not be sent', answerModal(question, { text: message.text, blocks: [...note("Sorry, I couldn't send that to your DMs just now. Try again in a moment.").blocks, ...message.blocks] }, decoded.ref));
    }
  };
}
