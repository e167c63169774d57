import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeRef, messageOfRef } from '../../../slack/answerRef.js';
import { privateAnswer } from '../../../slack/shortcutAnswer.js';
import type { BotDeps } from '../../context.js';
import { deliver } from '../../slackErrors.js';

export const OUT_OF_DATE = 'That button is out of date. Use *Find in the manual* on the message again.';
export const GONE = 'That section is no longer in the manual. Use *Find in the manual* on the message again to get the latest.';

/**
 * A section button under a shortcut's private answer ("Also: …", "On this page", an offer's
 * choices): the answer is replaced by that section, still for this person only, with its own
 * "Share in thread" button.
 */
export function showPrivateSection(deps: BotDeps) {
  return async ({ ack, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const decoded = decodeRef(action.value);
    if (!decoded?.where || decoded.ref.kind !== 'section') {
      await deliver(deps, 'say a button is out of date', () => respond({ response_type: 'ephemeral', replace_original: false, text: OUT_OF_DATE }));
      return;
    }
    const message = messageOfRef(deps.store.current(), decoded.ref);
    if (!message) {
      await deliver(deps, 'say a section has gone', () => respond({ response_type: 'ephemeral', replace_original: false, text: GONE }));
      return;
    }
    deps.logger.log('info', 'question', { source: 'button', answered: true, section: decoded.ref.id, score: 1, ms: 0 });
    await deliver(deps, 'show a section privately', () => respond({ response_type: 'ephemeral', replace_original: true, ...privateAnswer(message, decoded.ref, decoded.where!) }));
  };
}
