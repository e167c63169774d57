import type { ClaimKind, GapSummary, Purged, RecordBatch, RecordStore } from '../../src/store/recordStore.js';

/**
 * A real record store behind a switch, for testing what the bot does when its store is down or
 * slow: while `down`, every call fails as a refused connection does; with `delayMs`, every call
 * waits that long first. Calls are counted by name.
 */
export class FlakyStore implements RecordStore {
  down = false;
  delayMs = 0;
  /** Set to make writes fail with this error (e.g. a constraint violation). */
  writeError: Error | undefined;
  readonly calls = new Map<string, number>();

  constructor(private readonly inner: RecordStore) {}

  get backend() {
    return this.inner.backend;
  }

  get location() {
    return this.inner.location;
  }

  private closed = false;

  private async gate(name: string): Promise<void> {
    this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    // A call that was waiting when the store closed must not open the file again.
    if (this.closed) throw new Error('the store is closed');
    if (this.down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  }

  async migrate(): Promise<void> {
    await this.gate('migrate');
    return this.inner.migrate();
  }

  async write(batch: RecordBatch): Promise<void> {
    await this.gate('write');
    if (this.writeError) throw this.writeError;
    return this.inner.write(batch);
  }

  async claim(key: string, kind: ClaimKind, at: Date): Promise<boolean> {
    await this.gate('claim');
    return this.inner.claim(key, kind, at);
  }

  async complete(key: string, result: string): Promise<void> {
    await this.gate('complete');
    return this.inner.complete(key, result);
  }

  async claimResult(key: string): Promise<string | undefined> {
    await this.gate('claimResult');
    return this.inner.claimResult(key);
  }

  async release(key: string): Promise<void> {
    await this.gate('release');
    return this.inner.release(key);
  }

  async purge(before: Date, claimsBefore: Record<ClaimKind, Date>): Promise<Purged> {
    await this.gate('purge');
    return this.inner.purge(before, claimsBefore);
  }

  async gaps(since: Date): Promise<GapSummary[]> {
    await this.gate('gaps');
    return this.inner.gaps(since);
  }

  async stats(since: Date) {
    await this.gate('stats');
    return this.inner.stats(since);
  }

  async close(): Promise<void> {
    this.closed = true;
    return this.inner.close();
  }
}
