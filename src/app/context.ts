import type { ManualStore } from '../load/manualStore.js';
import type { AppLogger } from '../logger.js';
import type { ReplyCache } from './replyCache.js';
import type { EventDeduper } from './eventDeduper.js';
import type { InFlight } from './inFlight.js';

/** What every listener needs, handed to them when they are registered. */
export interface BotDeps {
  store: ManualStore;
  logger: AppLogger;
  deduper: EventDeduper;
  replies: ReplyCache;
  /** Log question text at info level (LOG_QUESTIONS). */
  logQuestions: boolean;
  /** Answers posted after the ack and not yet delivered, which shutdown waits for. */
  inFlight: InFlight;
}

/** Where a question came from, for the logs. */
export type QuestionSource = 'command' | 'mention' | 'dm' | 'button' | 'home' | 'shortcut';
