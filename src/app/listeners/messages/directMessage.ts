import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { helpMessage, isHelpRequest } from '../../../slack/messages.js';
import { questionFromEvent } from '../../../slack/incomingText.js';
import { ask } from '../../ask.js';
import type { BotDeps } from '../../context.js';
import { deliver } from '../../slackErrors.js';

/**
 * A direct message to the bot: answered in the DM. Only messages people write count, with or
 * without a file attached (a screenshot with the question): edits, deletions, joins and every
 * other subtype are ignored, as is anything a bot (this one included) sent, which would otherwise
 * let two bots answer each other forever.
 */
export function directMessage(deps: BotDeps) {
  return async ({ message, body, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    if (message.channel_type !== 'im' || (message.subtype !== undefined && message.subtype !== 'file_share')) return;
    if ('bot_id' in message && message.bot_id) return;
    if (!('user' in message) || !message.user || message.user === context.botUserId) return;
    if (!(await deps.events.first(body.event_id))) return;
    const question = questionFromEvent(message.text);
    const reply = isHelpRequest(question) ? helpMessage(deps.store.current()) : ask(deps, 'dm', question).message;
    await deliver(deps, 'answer a direct message', () =>
      client.chat.postMessage({ channel: message.channel, thread_ts: message.thread_ts, unfurl_links: false, ...reply }),
    );
  };
}
