import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeShowSection } from '../../../slack/followUps.js';
import { chosenSectionReply } from '../../../slack/messages.js';
import type { BotDeps } from '../../context.js';
import { deliver } from '../../slackErrors.js';

/**
 * Slack's answers to chat.postMessage that mean the bot cannot post there: a DM between other
 * people (where /techlead was used), or a channel it is not in. The response URL still can.
 */
const NOT_A_MEMBER = new Set(['channel_not_found', 'not_in_channel']);

/**
 * An "Also: ..." button, or a section offered in a close call: posts that section where the
 * answer was, as the answer to the question the button carries (with its feedback buttons). In a
 * thread or the bot's own DM the bot posts itself; under a slash command's answer it uses the
 * response URL, which works in channels the bot has not joined, and is the fallback wherever the
 * bot turns out not to be a member.
 */
export function showSection(deps: BotDeps) {
  return async ({ ack, action, body, client, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const manual = deps.store.current();
    const chosen = decodeShowSection(action.value);
    const section = chosen && manual.sections.find((s) => s.id === chosen.s);
    if (!section) {
      await deliver(deps, 'say a section has gone', () =>
        respond({ response_type: 'ephemeral', replace_original: false, text: 'That section is no longer in the manual. Ask again to get the latest.' }),
      );
      return;
    }
    deps.logger.log('info', 'question', { source: 'button', answered: true, section: section.id, score: 1, ms: 0 });
    const message = chosenSectionReply(manual, section, chosen?.q ?? '', { defaultOwner: deps.defaultOwner });
    const channel = body.channel?.id ?? body.container?.channel_id;
    const threadTs = body.message?.thread_ts as string | undefined;
    const viaResponseUrl = () => respond({ response_type: 'in_channel', replace_original: false, ...message });
    if (channel && (threadTs || channel.startsWith('D') || !body.response_url)) {
      await deliver(
        deps,
        'post the chosen section',
        () => client.chat.postMessage({ channel, thread_ts: threadTs, unfurl_links: false, ...message }),
        body.response_url ? { when: (slackError) => NOT_A_MEMBER.has(slackError), call: viaResponseUrl } : undefined,
      );
    } else {
      await deliver(deps, 'post the chosen section', viaResponseUrl);
    }
  };
}
