import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { helpMessage, isHelpRequest } from '../../../slack/messages.js';
import { questionFromEvent } from '../../../slack/incomingText.js';
import { ask } from '../../ask.js';
import type { BotDeps } from '../../context.js';
import { deliver } from '../../slackErrors.js';

/** `@techlead QUESTION` in a channel: answered in the mention's thread. */
export function appMention(deps: BotDeps) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    if (event.bot_id || !deps.deduper.firstTime(body.event_id)) return;
    const question = questionFromEvent(event.text);
    const message = isHelpRequest(question) ? helpMessage(deps.store.current()) : ask(deps, 'mention', question).message;
    await deliver(deps, 'answer a mention', () =>
      client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts ?? event.ts, unfurl_links: false, ...message }),
    );
  };
}
