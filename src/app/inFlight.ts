/**
 * Answers still being posted. Slack gets its acknowledgement first and the answer to a mention, a
 * DM or a button is posted after, so Slack will not send that event again: shutdown waits for
 * these (up to its grace period) rather than drop them. (A slash command's answer is its ack.)
 */
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();

  get size(): number {
    return this.pending.size;
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const done = () => this.pending.delete(work);
    work.then(done, done);
    return work;
  }

  /** Resolves once nothing is in flight, including work that starts while it waits. */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }
}
