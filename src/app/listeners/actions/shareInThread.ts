import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeRef, messageOfRef, urlOfRef } from '../../../slack/answerRef.js';
import { mrkdwnLink } from '../../../slack/escape.js';
import type { BotDeps } from '../../context.js';
import { deliver, NOT_A_MEMBER } from '../../slackErrors.js';
import { GONE, OUT_OF_DATE } from './showPrivateSection.js';

/**
 * "Share in thread" under a shortcut's private answer: posts the answer as a reply to the message
 * the shortcut was used on, for everyone there, then replaces the private answer with a note that
 * it was shared. Where the bot cannot post (a channel it is not in, a DM between other people) it
 * says so, and how to share the link instead; the private answer stays.
 */
export function shareInThread(deps: BotDeps) {
  return async ({ ack, action, body, client, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const decoded = decodeRef(action.value);
    const where = decoded?.where;
    // The button names the conversation it was shown in; a value naming another is not the bot's.
    if (!decoded || !where || (body.channel?.id && body.channel.id !== where.channel)) {
      await deliver(deps, 'say a button is out of date', () => respond({ response_type: 'ephemeral', replace_original: false, text: OUT_OF_DATE }));
      return;
    }
    const manual = deps.store.current();
    const message = messageOfRef(manual, decoded.ref);
    if (!message) {
      await deliver(deps, 'say a section has gone', () => respond({ response_type: 'ephemeral', replace_original: false, text: GONE }));
      return;
    }
    let posted = false;
    let explained = false;
    const url = urlOfRef(manual, decoded.ref) ?? manual.baseUrl;
    await deliver(
      deps,
      'share an answer in a thread',
      async () => {
        await client.chat.postMessage({ channel: where.channel, thread_ts: where.threadTs, unfurl_links: false, ...message });
        posted = true;
      },
      {
        when: (slackError) => NOT_A_MEMBER.has(slackError),
        call: () => {
          explained = true;
          return respond({
            response_type: 'ephemeral',
            replace_original: false,
            text: `I can't post in this conversation: I'm not in it. Invite me (\`/invite @techlead\`) and share again, or paste the link: ${mrkdwnLink(url, url)}`,
          });
        },
      },
    );
    if (!posted) {
      if (!explained) {
        await deliver(deps, 'say a share failed', () => respond({ response_type: 'ephemeral', replace_original: false, text: "Sorry, I couldn't share that just now. Try again in a moment." }));
      }
      return;
    }
    deps.logger.log('info', 'shared an answer', { ...(decoded.ref.kind === 'section' ? { section: decoded.ref.id } : { page: decoded.ref.file }) });
    await deliver(deps, 'confirm a share', () => respond({ response_type: 'ephemeral', replace_original: true, text: 'Shared in the thread.' }));
  };
}
