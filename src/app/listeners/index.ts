import type { App, BlockButtonAction } from '@slack/bolt';
import type { BotDeps } from '../context.js';
import { askOwners } from './actions/askOwners.js';
import { feedback } from './actions/feedback.js';
import { showSection } from './actions/showSection.js';
import { techleadCommand } from './commands/techlead.js';
import { appMention } from './events/appMention.js';
import { directMessage } from './messages/directMessage.js';
import { SHOW_SECTION_ACTION } from '../../slack/messages.js';
import { ASK_OWNERS, FEEDBACK_HELPFUL, FEEDBACK_NOT_HELPFUL } from '../../slack/followUps.js';

export function registerListeners(app: App, deps: BotDeps): void {
  // The app has one command; any name it is installed under (/techlead, /techlead-dev) is it.
  app.command(/^\/.+/, techleadCommand(deps));
  app.event('app_mention', appMention(deps));
  app.message(directMessage(deps));
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: new RegExp(`^${SHOW_SECTION_ACTION}(:|$)`) }, showSection(deps));
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: new RegExp(`^(${FEEDBACK_HELPFUL}|${FEEDBACK_NOT_HELPFUL})$`) }, feedback(deps));
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: ASK_OWNERS }, askOwners(deps));
}
