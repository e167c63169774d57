import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Message } from '../../../slack/blocks.js';
import { decodeFeedback, FEEDBACK_HELPFUL, ownerChannelOf } from '../../../slack/followUps.js';
import { cleanQuestion } from '../../../slack/incomingText.js';
import { feedbackNotUnderstood, helpfulThanks, notHelpfulReply } from '../../../slack/ownerMessages.js';
import { clickOf, pageOfSection } from '../../clicks.js';
import type { BotDeps } from '../../context.js';
import { deliver } from '../../slackErrors.js';

/**
 * Helpful / Not helpful under an answer. The vote is recorded against the section and, for "not
 * helpful", the question (which puts it in the gaps report), keyed by a hash of who clicked on
 * which message: a second click by the same person on the same answer replaces the first, and no
 * user id is kept. The clicker alone is thanked; after "not helpful" they are offered to ask the
 * page's owners. Recording is a write in memory: it never waits for the store.
 */
export function feedback(deps: BotDeps) {
  return async ({ ack, action, body, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const say = (message: Message) => deliver(deps, 'acknowledge feedback', () => respond({ response_type: 'ephemeral', replace_original: false, ...message }));
    const value = decodeFeedback(action.value);
    const click = clickOf(body);
    if (!value || !click) {
      deps.logger.log('warn', 'a feedback click without the answer it is about; ignored', { hasValue: Boolean(value), hasMessage: Boolean(click) });
      await say(feedbackNotUnderstood());
      return;
    }
    const helpful = action.action_id === FEEDBACK_HELPFUL;
    const { page, ...pageRef } = pageOfSection(deps.store.current(), value.s);
    const route = { ...(page ? { page } : {}), owner: ownerChannelOf(page, deps.defaultOwner) };
    const question = cleanQuestion(value.q);
    deps.records.vote({
      key: deps.clickKey('vote', click.user, click.channel, click.messageTs),
      helpful,
      section: value.s,
      page: pageRef,
      owner: route.owner,
      ...(helpful || !question ? {} : { question }),
    });
    deps.logger.log('info', 'feedback', { helpful, section: value.s });
    await say(helpful ? helpfulThanks() : notHelpfulReply(value.q, route));
  };
}
