import type { EventDeduper } from './eventDeduper.js';

/** The part of the Recorder that claims keys in the shared store. */
export interface SharedClaims {
  claim(key: string, kind: 'event'): Promise<boolean>;
}

/**
 * Decides whether this process answers a Slack event. Slack retries an event it thinks was
 * missed (`x-slack-retry-num`), and with several replicas the retry can reach another one, even
 * while the first is still answering. This process's own memory answers first (no round trip for
 * a retry that comes back here); with a shared store (DATABASE_URL), the event id is then claimed
 * there, atomically, and only the replica that claimed it answers. Without one, the in-memory
 * check is all there is, as for a single replica.
 */
export class EventClaims {
  constructor(
    private readonly deduper: EventDeduper,
    private readonly shared?: SharedClaims,
  ) {}

  /** True if this process should answer the event `eventId`. */
  async first(eventId: string | undefined): Promise<boolean> {
    if (!this.deduper.firstTime(eventId)) return false;
    if (!eventId || !this.shared) return true;
    return this.shared.claim(`event:${eventId}`, 'event');
  }
}
