import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Message } from '../../../slack/blocks.js';
import { decodeAskOwners, ownerChannelOf } from '../../../slack/followUps.js';
import {
  alreadyAskedReply,
  askedReply,
  askNotUnderstood,
  channelNotFoundReply,
  couldNotAskReply,
  decodeAsked,
  encodeAsked,
  notInChannelReply,
  questionForOwners,
} from '../../../slack/ownerMessages.js';
import { clickOf, pageByUrl } from '../../clicks.js';
import type { BotDeps } from '../../context.js';
import { deliver, NOT_A_MEMBER, slackErrorOf } from '../../slackErrors.js';

/**
 * "Ask #channel": posts the question, who asked it and the page nearest it to that page's owner
 * channel (the default owner channel when no page is close, or the page names no channel), and
 * tells the asker, alone, where it went with a permalink. Once per person and message, however
 * often it is clicked and whichever replica gets the click: the click is claimed in the record
 * store first (in this process alone if the store is down). When the post cannot be made (the bot
 * is not in the channel, the channel is gone, Slack is down) the asker is told why and the claim
 * is given up, so that a later click can try again.
 */
export function askOwners(deps: BotDeps) {
  return async ({ ack, action, body, client, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const say = (message: Message) => deliver(deps, 'answer an "ask the owners" click', () => respond({ response_type: 'ephemeral', replace_original: false, ...message }));
    const value = decodeAskOwners(action.value);
    const click = clickOf(body);
    if (!value || !click) {
      deps.logger.log('warn', 'an "ask the owners" click without its question; ignored', { hasValue: Boolean(value), hasMessage: Boolean(click) });
      await say(askNotUnderstood());
      return;
    }
    const page = value.p ? pageByUrl(deps.store.current(), value.p) : undefined;
    const owner = ownerChannelOf(page, deps.defaultOwner);
    const key = deps.clickKey('ask', click.user, click.channel, click.messageTs);
    if (!(await deps.records.claim(key, 'ask'))) {
      await say(alreadyAskedReply(owner, decodeAsked(await deps.records.claimResult(key))));
      return;
    }
    const giveUp = async (message: Message) => {
      await deps.records.release(key);
      await say(message);
    };

    let channelId: string | undefined;
    try {
      channelId = await deps.channels.idOf(client, owner);
    } catch (err) {
      deps.logger.log('error', 'cannot look up the owner channel (conversations.list)', { owner, ...slackErrorOf(err) });
      await giveUp(couldNotAskReply(owner));
      return;
    }
    if (!channelId) {
      deps.logger.log('warn', 'the owner channel a page names does not exist, or the bot cannot see it', { owner, page: page?.url });
      await giveUp(channelNotFoundReply(owner));
      return;
    }

    let ts: string | undefined;
    try {
      const posted = await deps.inFlight.track(client.chat.postMessage({ channel: channelId, unfurl_links: false, ...questionForOwners(value.q, click.user, value.r, page) }));
      ts = posted.ts;
    } catch (err) {
      const fields = slackErrorOf(err);
      const notMember = fields.slackError !== undefined && NOT_A_MEMBER.has(fields.slackError);
      deps.logger.log(notMember ? 'warn' : 'error', notMember ? 'cannot ask a page\'s owners: the bot is not in their channel' : 'could not post a question to its owners', { owner, ...fields });
      await giveUp(notMember ? notInChannelReply(owner) : couldNotAskReply(owner));
      return;
    }
    const permalink = ts
      ? await client.chat.getPermalink({ channel: channelId, message_ts: ts }).then(
          (res) => res.permalink,
          (err: unknown) => {
            deps.logger.log('warn', 'no permalink for a question posted to its owners', slackErrorOf(err));
            return undefined;
          },
        )
      : undefined;
    const asked = { channelId, ...(permalink ? { permalink } : {}) };
    await deps.records.complete(key, encodeAsked(asked));
    deps.logger.log('info', 'asked a page\'s owners', { owner, reason: value.r, page: page?.url });
    await say(askedReply(owner, asked, page));
  };
}
