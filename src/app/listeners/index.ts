import type { AllMiddlewareArgs, App, BlockButtonAction, MessageShortcut, SlackActionMiddlewareArgs, SlackEventMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
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
const numbered = (id: string) => new RegExp(`^${id}(:\\d+)?$`);
const exactly = (id: string) => new RegExp(`^${id}$`);

type ButtonListener = (args: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => Promise<void>;
// Each listener takes the arguments of its own event type; the dispatcher picks it by that type.
type EventListener = (args: SlackEventMiddlewareArgs & AllMiddlewareArgs) => Promise<void>;

/** Every button the bot shows, by action id, and the listener (one file each) its clicks go to. */
function buttons(deps: BotDeps): [RegExp, ButtonListener][] {
  return [
    [numbered(SHOW_SECTION_ACTION), showSection(deps)],
    [exactly(FEEDBACK_HELPFUL), feedback(deps)],
    [exactly(FEEDBACK_NOT_HELPFUL), feedback(deps)],
    [exactly(ASK_OWNERS), askOwners(deps)],
    [exactly(OPEN_SEARCH_ACTION), openSearch(deps)],
    [exactly(SEND_TO_DM_ACTION), sendToDm(deps)],
    [numbered(PRIVATE_SECTION_ACTION), showPrivateSection(deps)],
    [exactly(SHARE_IN_THREAD_ACTION), shareInThread(deps)],
  ];
}

export function registerListeners(app: App, deps: BotDeps): void {
  // The app has one command; any name it is installed under (/techlead, /techlead-dev) is it.
  app.command(/^\/.+/, techleadCommand(deps));
  // Events (a mention, a DM, the Home tab opened, a link shared): one event listener that hands
  // each to its own, for the same reason as the buttons below.
  const byType: Record<string, EventListener> = {
    app_mention: appMention(deps) as EventListener,
    message: directMessage(deps) as EventListener,
    app_home_opened: appHomeOpened(deps) as EventListener,
    link_shared: linkShared(deps) as EventListener,
  };
  app.event(new RegExp(`^(${Object.keys(byType).join('|')})$`), async (args) => {
    await byType[args.event.type]?.(args);
  });

  // Buttons (section buttons, feedback, asking the owners, the Home tab's search, the shortcut's
  // private answer): one action listener that hands each click to its own. Bolt runs every
  // listener's matchers on every request, a slash command's included, so one listener for all
  // the buttons costs a command less than one each would (npm run bench:load).
  const byId = buttons(deps);
  const anyButton = new RegExp(byId.map(([id]) => `(?:${id.source})`).join('|'));
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: anyButton }, async (args) => {
    await byId.find(([id]) => id.test(args.action.action_id))?.[1](args);
  });

  // The search modal the Home tab opens.
  app.view<ViewSubmitAction>({ type: 'view_submission', callback_id: SEARCH_MODAL_CALLBACK }, searchSubmitted(deps));

  // "Find in the manual" on a message.
  app.shortcut<MessageShortcut>({ type: 'message_action', callback_id: FIND_IN_MANUAL_CALLBACK }, findInManual(deps));
}
