import type { AppLogger } from '../logger.js';
import { slackErrorOf } from './slackErrors.js';

/** The part of the Web API client this needs. */
export interface ConversationsClient {
  conversations: {
    list(args: { types: string; exclude_archived: boolean; limit: number; cursor?: string }): Promise<{
      channels?: { id?: string; name?: string }[];
      response_metadata?: { next_cursor?: string };
    }>;
  };
}

/** Names are fetched again after this long: channels are renamed and created rarely. */
const FRESH_FOR_MS = 10 * 60_000;
/** A name not found is looked for again (a channel just created) at most this often. */
const MISS_RECHECK_MS = 60_000;
/** Pages of conversations.list at most, so a huge workspace cannot keep the bot listing for ever. */
const MAX_PAGES = 50;

/**
 * Channel names (`#govuk-tech-leads`, as pages name their owners) to channel ids, which Slack
 * wants: one walk through `conversations.list` (public channels, and private ones the bot is in),
 * cached, and shared by every lookup in flight. Whether the bot may post there is left to the
 * post itself (`not_in_channel`), which is always current.
 */
export class ChannelDirectory {
  private ids = new Map<string, string>();
  private fetchedAt = -Infinity;
  private fetching: Promise<void> | undefined;

  constructor(
    private readonly logger: AppLogger,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The channel id for `#name` (or an id, as given), or undefined if no channel has that name.
   * Throws if Slack cannot be asked and nothing is cached.
   */
  async idOf(client: ConversationsClient, channel: string): Promise<string | undefined> {
    if (!channel.startsWith('#')) return channel;
    const name = channel.slice(1).toLowerCase();
    const age = this.now() - this.fetchedAt;
    if (age > FRESH_FOR_MS || (!this.ids.has(name) && age > MISS_RECHECK_MS)) {
      try {
        await this.refresh(client);
      } catch (err) {
        if (!this.ids.size) throw err;
        this.logger.log('warn', 'cannot list channels; using the names known from before', slackErrorOf(err));
      }
    }
    return this.ids.get(name);
  }

  private refresh(client: ConversationsClient): Promise<void> {
    this.fetching ??= this.list(client).finally(() => {
      this.fetching = undefined;
    });
    return this.fetching;
  }

  private async list(client: ConversationsClient): Promise<void> {
    const ids = new Map<string, string>();
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await client.conversations.list({ types: 'public_channel,private_channel', exclude_archived: true, limit: 1000, ...(cursor ? { cursor } : {}) });
      for (const c of res.channels ?? []) if (c.id && c.name) ids.set(c.name.toLowerCase(), c.id);
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    this.ids = ids;
    this.fetchedAt = this.now();
  }
}
