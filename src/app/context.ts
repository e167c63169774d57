import type { ManualStore } from '../load/manualStore.js';
import type { AppLogger } from '../logger.js';
import type { Recorder } from '../store/recorder.js';
import type { ChannelDirectory } from './channelDirectory.js';
import type { EventClaims } from './eventClaims.js';
import type { InFlight } from './inFlight.js';
import type { ReplyCache } from './replyCache.js';
import type { ClickKey } from './voteKey.js';

/** What every listener needs, handed to them when they are registered. */
export interface BotDeps {
  /** The manual the bot answers from. */
  store: ManualStore;
  logger: AppLogger;
  /** Whether this process answers an event (retries, across replicas with a shared store). */
  events: EventClaims;
  replies: ReplyCache;
  /** Log question text at info level (LOG_QUESTIONS). */
  logQuestions: boolean;
  /** Answers posted after the ack and not yet delivered, which shutdown waits for. */
  inFlight: InFlight;
  /** Counts, gaps and votes, written to the record store in batches; claims. */
  records: Recorder;
  /** Owner channels' ids by name. */
  channels: ChannelDirectory;
  /** Keys for clicks: one per person and message, from which the person cannot be told. */
  clickKey: ClickKey;
  /** Where questions go when no page is close to them (DEFAULT_OWNER_CHANNEL). */
  defaultOwner: string;
}

/** Where a question came from, for the logs. */
export type QuestionSource = 'command' | 'mention' | 'dm' | 'button' | 'home' | 'shortcut';
