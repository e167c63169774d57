/**
 * Remembers recently handled Slack event ids, so an event Slack delivers again (it retries when it
 * thinks we were slow, with `x-slack-retry-num`) is answered once. Bounded in size and age: a
 * long-running bot must not grow without limit.
 */
export class EventDeduper {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time an id is seen (within the TTL), false after. */
  firstTime(id: string | undefined): boolean {
    if (!id) return true;
    const t = this.now();
    const at = this.seen.get(id);
    if (at !== undefined && t - at < this.ttlMs) return false;
    this.seen.delete(id);
    this.seen.set(id, t);
    // Map keeps insertion order: the first entries are the oldest.
    while (this.seen.size > this.maxEntries) this.seen.delete(this.seen.keys().next().value as string);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}
