import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { questionFromEvent } from '../../../slack/incomingText.js';
import { helpMessage, isHelpRequest } from '../../../slack/messages.js';
import { ask } from '../../ask.js';
import type { BotDeps } from '../../context.js';
import { deliver } from '../../slackErrors.js';

/**
 * `@techlead QUESTION` in a channel: answered in the mention's thread. Help, a choice of sections
 * and "no section on that" are shown to the person who asked only, as for the slash command: the
 * channel sees answers, not the bot's doubts.
 */
export function appMention(deps: BotDeps) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    if (event.bot_id || !(await deps.events.first(body.event_id))) return;
    const question = questionFromEvent(event.text);
    const help = isHelpRequest(question);
    const reply = help ? undefined : ask(deps, 'mention', question);
    const message = reply ? reply.message : helpMessage(deps.store.current());
    const where = { channel: event.channel, thread_ts: event.thread_ts ?? event.ts };
    if (reply?.answered || !event.user) {
      await deliver(deps, 'answer a mention', () => client.chat.postMessage({ ...where, unfurl_links: false, ...message }));
      return;
    }
    await deliver(deps, 'answer a mention', () => client.chat.postEphemeral({ ...where, user: event.user!, ...message }));
  };
}
