import type { App, BlockButtonAction, MessageShortcut, ViewSubmitAction } from '@slack/bolt';
import type { BotDeps } from '../context.js';
import { askOwners } from './actions/askOwners.js';
import { feedback } from './actions/feedback.js';
import { openSearch } from './actions/openSearch.js';
import { sendToDm } from './actions/sendToDm.js';
import { shareInThread } from './actions/shareInThread.js';
import { showPrivateSection } from './actions/showPrivateSection.js';
import { showSection } from './actions/showSection.js';
import { techleadCommand } from './commands/techlead.js';
import { appHomeOpened } from './events/appHomeOpened.js';
import { appMention } from './events/appMention.js';
import { linkShared } from './events/linkShared.js';
import { directMessage } from './messages/directMessage.js';
import { findInManual } from './shortcuts/findInManual.js';
import { searchSubmitted } from './views/searchSubmitted.js';
import { OPEN_SEARCH_ACTION } from '../../slack/home.js';
import { SHOW_SECTION_ACTION } from '../../slack/messages.js';
import { ASK_OWNERS, FEEDBACK_HELPFUL, FEEDBACK_NOT_HELPFUL } from '../../slack/followUps.js';
import { SEARCH_MODAL_CALLBACK, SEND_TO_DM_ACTION } from '../../slack/searchModal.js';
import { FIND_IN_MANUAL_CALLBACK, PRIVATE_SECTION_ACTION, SHARE_IN_THREAD_ACTION } from '../../slack/shortcutAnswer.js';

/** An action id with an optional `:N` suffix: buttons in one block need ids of their own. */
const numbered = (id: string) => new RegExp(`^${id}(:|$)`);

export function registerListeners(app: App, deps: BotDeps): void {
  // The app has one command; any name it is installed under (/techlead, /techlead-dev) is it.
  app.command(/^\/.+/, techleadCommand(deps));
  app.event('app_mention', appMention(deps));
  app.message(directMessage(deps));
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: numbered(SHOW_SECTION_ACTION) }, showSection(deps));

  // Feedback on an answer, and asking the owners of the nearest page.
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: new RegExp(`^(${FEEDBACK_HELPFUL}|${FEEDBACK_NOT_HELPFUL})$`) }, feedback(deps));
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: ASK_OWNERS }, askOwners(deps));

  // The Home tab, and the search modal it opens.
  app.event('app_home_opened', appHomeOpened(deps));
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: OPEN_SEARCH_ACTION }, openSearch(deps));
  app.view<ViewSubmitAction>({ type: 'view_submission', callback_id: SEARCH_MODAL_CALLBACK }, searchSubmitted(deps));
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: SEND_TO_DM_ACTION }, sendToDm(deps));

  // "Find in the manual" on a message, and the buttons of its private answer.
  app.shortcut<MessageShortcut>({ type: 'message_action', callback_id: FIND_IN_MANUAL_CALLBACK }, findInManual(deps));
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: numbered(PRIVATE_SECTION_ACTION) }, showPrivateSection(deps));
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: SHARE_IN_THREAD_ACTION }, shareInThread(deps));

  // Links to the manual, unfurled.
  app.event('link_shared', linkShared(deps));
}
