import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { findLinkTarget } from '../../../slack/manualLinks.js';
import { type Unfurl, unfurlOf } from '../../../slack/unfurl.js';
import type { BotDeps } from '../../context.js';
import { deliver } from '../../slackErrors.js';

/**
 * Links to the manual's domain in a message (or still in the composer): each that points at a
 * page or section of the manual as loaded gets a preview of it, all in one chat.unfurl call.
 * Links to pages the manual does not have, and to anything else, are left for Slack to show as it
 * would. The bot's own messages are skipped: its answers already show the section they link.
 */
export function linkShared(deps: BotDeps) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<'link_shared'> & AllMiddlewareArgs): Promise<void> => {
    if (!(await deps.events.first(body.event_id))) return;
    if (context.botUserId && event.user === context.botUserId) return;
    const manual = deps.store.current();
    const links = Array.isArray(event.links) ? event.links : [];
    const unfurls = new Map<string, Unfurl>();
    for (const { url } of links) {
      if (typeof url !== 'string' || unfurls.has(url)) continue;
      const target = findLinkTarget(manual, url);
      if (target) unfurls.set(url, unfurlOf(target));
    }
    deps.logger.log('info', 'links shared', { links: links.length, unfurled: unfurls.size, source: event.source });
    if (!unfurls.size) return;
    // A link still in the composer is named by its unfurl_id (its channel is "COMPOSER"); a posted
    // one by its message's channel and ts, or by its unfurl_id where Slack gives only that.
    const target =
      event.source === 'composer' && event.unfurl_id
        ? { unfurl_id: event.unfurl_id, source: 'composer' as const }
        : event.channel && event.message_ts
          ? { channel: event.channel, ts: event.message_ts }
          : event.unfurl_id
            ? { unfurl_id: event.unfurl_id, source: 'conversations_history' as const }
            : undefined;
    if (!target) {
      deps.logger.log('warn', 'cannot unfurl: the link_shared event names no message', { unfurlable: unfurls.size });
      return;
    }
    await deliver(deps, 'unfurl links to the manual', () => client.chat.unfurl({ ...target, unfurls: Object.fromEntries(unfurls) }));
  };
}
