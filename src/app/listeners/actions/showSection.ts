import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Section } from '../../../sections/types.js';
import { decodeShowSection } from '../../../slack/followUps.js';
import { chosenSectionReply, sectionMessage } from '../../../slack/messages.js';
import { answerModal, questionOf } from '../../../slack/searchModal.js';
import type { BotDeps } from '../../context.js';
import { deliver, NOT_A_MEMBER } from '../../slackErrors.js';

/** In the search modal: the modal shows the section, under the same question (a modal has nowhere to post to). */
async function showInModal(deps: BotDeps, client: AllMiddlewareArgs['client'], modal: NonNullable<BlockButtonAction['view']>, section: Section | undefined): Promise<void> {
  const gone = 'That section is no longer in the manual. Search again to get the latest.';
  const view = section
    ? answerModal(questionOf(modal), sectionMessage(deps.store.current(), section), { kind: 'section', id: section.id })
    : answerModal(questionOf(modal), { text: gone, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: gone } }] });
  await deliver(deps, 'show the chosen section in the search', () => client.views.update({ view_id: modal.id, hash: modal.hash, view }));
}

/**
 * An "Also: ..." button, or a section offered in a close call: posts that section where the
 * answer was, as the answer to the question the button carries (with its feedback buttons). In a
 * thread or the bot's own DM the bot posts itself; under a slash command's answer it uses the
 * response URL, which works in channels the bot has not joined, and is the fallback wherever the
 * bot turns out not to be a member. In the search modal (from the Home tab), the modal shows it,
 * with its "Send to my DMs" button.
 */
export function showSection(deps: BotDeps) {
  return async ({ ack, action, body, client, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const manual = deps.store.current();
    const chosen = decodeShowSection(action.value);
    const section = chosen ? manual.sections.find((s) => s.id === chosen.s) : undefined;
    if (section) deps.logger.log('info', 'question', { source: 'button', answered: true, section: section.id, score: 1, ms: 0 });
    if (body.view?.type === 'modal') {
      await showInModal(deps, client, body.view, section);
      return;
    }
    if (!section) {
      await deliver(deps, 'say a section has gone', () =>
        respond({ response_type: 'ephemeral', replace_original: false, text: 'That section is no longer in the manual. Ask again to get the latest.' }),
      );
      return;
    }
    const message = chosenSectionReply(manual, section, chosen?.q ?? '', { defaultOwner: deps.defaultOwner });
    const channel = body.channel?.id ?? body.container?.channel_id;
    // Under an ephemeral reply (an offer to a mention) there is no message, only its container.
    const threadTs = (body.container?.thread_ts ?? body.message?.thread_ts) as string | undefined;
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
