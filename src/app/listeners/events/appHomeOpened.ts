import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { homeView } from '../../../slack/home.js';
import type { BotDeps } from '../../context.js';
import { deliver } from '../../slackErrors.js';

/**
 * Someone opened the bot's Home tab: publish it for them (Slack keeps a Home per person). Slack
 * sends the view it shows them; when that is the Home as it would be built now (same digest: same
 * manual, same code) there is nothing to publish. Opening the Messages tab sends this event too,
 * and needs nothing.
 */
export function appHomeOpened(deps: BotDeps) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab === 'messages' || !(await deps.events.first(body.event_id))) return;
    const view = homeView(deps.store.current(), context.botUserId);
    if (event.view?.private_metadata === view.private_metadata) {
      deps.logger.log('debug', 'the Home tab is up to date', { user: event.user });
      return;
    }
    await deliver(deps, 'publish the Home tab', () => client.views.publish({ user_id: event.user, view }));
  };
}
