import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { sectionMessage } from '../../../slack/messages.js';
import type { BotDeps } from '../../context.js';
import { deliver } from '../../slackErrors.js';

/**
 * An "Also: ..." button: posts that section where the answer was. In a thread or a DM the bot
 * posts itself; under a slash command's answer it uses the response URL, which works in channels
 * the bot has not joined.
 */
export function showSection(deps: BotDeps) {
  return async ({ ack, action, body, client, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const manual = deps.store.current();
    const section = manual.sections.find((s) => s.id === action.value);
    if (!section) {
      await deliver(deps.logger, 'say a section has gone', () =>
        respond({ response_type: 'ephemeral', replace_original: false, text: 'That section is no longer in the manual. Ask again to get the latest.' }),
      );
      return;
    }
    deps.logger.log('info', 'question', { source: 'button', answered: true, section: section.id, score: 1, ms: 0 });
    const message = sectionMessage(manual, section);
    const channel = body.channel?.id ?? body.container?.channel_id;
    const threadTs = body.message?.thread_ts as string | undefined;
    if (channel && (threadTs || channel.startsWith('D') || !body.response_url)) {
      await deliver(deps.logger, 'post the chosen section', () =>
        client.chat.postMessage({ channel, thread_ts: threadTs, unfurl_links: false, ...message }),
      );
    } else {
      await deliver(deps.logger, 'post the chosen section', () =>
        respond({ response_type: 'in_channel', replace_original: false, ...message }),
      );
    }
  };
}
