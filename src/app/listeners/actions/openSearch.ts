import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { searchModal } from '../../../slack/searchModal.js';
import type { BotDeps } from '../../context.js';
import { deliver } from '../../slackErrors.js';

/** "Search the manual" on the Home tab: opens the search modal (the trigger is good for 3 seconds, so at once). */
export function openSearch(deps: BotDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await deliver(deps, 'open the search', () => client.views.open({ trigger_id: body.trigger_id, view: searchModal() }));
  };
}
