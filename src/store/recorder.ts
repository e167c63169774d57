import type { AnswerKind } from '../answer/decide.js';
import type { AppLogger } from '../logger.js';
import { OutageLog, storeErrorOf } from './outageLog.js';
import type { ClaimKind, GapRecord, PageRef, QuestionCount, RecordBatch, RecordStore, VoteRecord } from './recordStore.js';

export interface RecorderOptions {
  /** Gaps and votes older than this are deleted. */
  retentionDays: number;
  /** How often what has been recorded is written to the store. */
  flushEveryMs?: number;
  purgeEveryMs?: number;
  /** A claim (see claim()) waits this long for the store, then is decided in this process alone. */
  claimTimeoutMs?: number;
  /** Gaps kept in memory while the store is unavailable; beyond this the oldest are dropped. */
  maxPendingGaps?: number;
  now?: () => number;
}

/** How the store is doing, for /healthz. */
export interface StoreHealth {
  backend: RecordStore['backend'];
  status: 'connecting' | 'ok' | 'unavailable';
  /** Records waiting to be written. */
  pending: number;
}

const DAY_MS = 86_400_000;
/** Slack retries an event for a few minutes; its claim is kept a day, well past that. */
const EVENT_CLAIM_DAYS = 1;
/** Claims remembered in this process while the store cannot be reached. */
const MAX_LOCAL_CLAIMS = 10_000;

/**
 * Errors no retry of the same records can fix (PostgreSQL's data and constraint classes,
 * SQLite's constraint and type errors): the batch is dropped rather than retried forever.
 */
function refusesRecords(err: unknown): boolean {
  const code = String((err as { code?: unknown }).code ?? '');
  return /^2[23][0-9A-Z]{3}$/.test(code) || /^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG)/.test(code);
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`the record store did not answer within ${ms} ms`), { code: 'ETIMEDOUT' })), ms);
  });
  // The late answer, or its failure, is dropped: the caller has moved on.
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

interface PageCounts {
  page?: PageRef;
  counts: Partial<Record<AnswerKind, number>>;
}

/**
 * The bot's side of the record store. Counting a question is a map update in memory (the slash
 * command's answer is in its ack, and must not wait for a disk or a network); counts, gaps and
 * votes are written in one batch every few seconds. If the store is down or slow, records wait in
 * memory (gaps up to a bound) and the bot keeps answering; each flush tries again, migrating
 * first, so the store is reconnected by itself. Claims (a Slack event, an "ask the owners" click)
 * need the store's answer: if it does not come in time, the claim is decided in this process.
 */
export class Recorder {
  private days = new Map<string, Map<string, PageCounts>>();
  private gaps: GapRecord[] = [];
  private votes = new Map<string, VoteRecord>();
  private ready = false;
  private connectedOnce = false;
  private flushing: Promise<boolean> | undefined;
  private nextFlush: Promise<boolean> | undefined;
  private purging: Promise<void> | undefined;
  private timers: NodeJS.Timeout[] = [];
  private closed = false;
  private dropped = 0;
  /** Records in the batch being written. */
  private writing = 0;
  private readonly local = new Map<string, string | undefined>();
  private readonly outage: OutageLog;
  private readonly now: () => number;
  private day = '';
  private dayEnds = 0;

  constructor(
    readonly store: RecordStore,
    private readonly logger: AppLogger,
    private readonly options: RecorderOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.outage = new OutageLog(logger, () => ({ backend: store.backend, location: store.location, pending: this.pending, dropped: this.dropped }), this.now);
  }

  /** Records waiting to be written, those being written now included. */
  get pending(): number {
    let n = this.writing + this.gaps.length + this.votes.size;
    for (const pages of this.days.values()) n += pages.size;
    return n;
  }

  health(): StoreHealth {
    const status = this.outage.down ? 'unavailable' : this.ready ? 'ok' : 'connecting';
    return { backend: this.store.backend, status, pending: this.pending };
  }

  /** Connects and migrates now, then flushes and purges on a timer (unref'd: they never keep the process up). */
  start(): void {
    const every = (ms: number, work: () => Promise<unknown>) => {
      const t = setInterval(() => void work(), ms);
      t.unref();
      this.timers.push(t);
    };
    void this.flush().then((ok) => (ok ? this.purge() : undefined));
    every(this.options.flushEveryMs ?? 5000, () => this.flush());
    every(this.options.purgeEveryMs ?? 3_600_000, () => this.purge());
  }

  /** One question, answered (or not) with `outcome`, nearest `page`. No text is kept. */
  count(outcome: AnswerKind, page: PageRef | undefined): void {
    const t = this.now();
    if (t >= this.dayEnds) {
      this.day = new Date(t).toISOString().slice(0, 10);
      this.dayEnds = (Math.floor(t / DAY_MS) + 1) * DAY_MS;
    }
    this.add(this.day, outcome, page, 1);
  }

  private add(day: string, outcome: AnswerKind, page: PageRef | undefined, n: number): void {
    let pages = this.days.get(day);
    if (!pages) {
      pages = new Map();
      this.days.set(day, pages);
    }
    const url = page?.url ?? '';
    let entry = pages.get(url);
    if (!entry) {
      entry = page ? { page, counts: {} } : { counts: {} };
      pages.set(url, entry);
    }
    entry.counts[outcome] = (entry.counts[outcome] ?? 0) + n;
  }

  /** A question for the gaps report (its text already cleaned: see cleanQuestion). */
  gap(gap: Omit<GapRecord, 'at'>): void {
    this.gaps.push({ ...gap, at: new Date(this.now()) });
    this.trimGaps();
  }

  /** A vote on an answer; a later vote with the same key replaces it. */
  vote(vote: Omit<VoteRecord, 'at'>): void {
    this.votes.delete(vote.key);
    this.votes.set(vote.key, { ...vote, at: new Date(this.now()) });
  }

  private trimGaps(): void {
    const max = this.options.maxPendingGaps ?? 10_000;
    if (this.gaps.length <= max) return;
    const over = this.gaps.length - max;
    this.gaps.splice(0, over);
    this.dropped += over;
  }

  private take(): RecordBatch {
    const counts: QuestionCount[] = [];
    for (const [day, pages] of this.days) {
      for (const { page, counts: byOutcome } of pages.values()) {
        for (const [outcome, count] of Object.entries(byOutcome) as [AnswerKind, number][]) {
          counts.push({ day, outcome, count, ...(page ? { page: { url: page.url, title: page.title } } : {}) });
        }
      }
    }
    const batch = { counts, gaps: this.gaps, votes: [...this.votes.values()] };
    this.days = new Map();
    this.gaps = [];
    this.votes = new Map();
    return batch;
  }

  /** Puts a batch that could not be written back in front of what was recorded since. */
  private putBack(batch: RecordBatch): void {
    for (const c of batch.counts) this.add(c.day, c.outcome, c.page, c.count);
    this.gaps = [...batch.gaps, ...this.gaps];
    this.trimGaps();
    // A vote recorded since the batch was taken is newer and wins.
    for (const v of batch.votes) if (!this.votes.has(v.key)) this.votes.set(v.key, v);
  }

  /**
   * Writes what is waiting; true if the store has it all. One flush at a time: asked for while
   * one runs, it runs next (callers asking meanwhile share it), so it writes everything recorded
   * before it was asked for.
   */
  flush(): Promise<boolean> {
    if (!this.flushing) {
      this.flushing = this.flushNow().finally(() => {
        this.flushing = undefined;
      });
      return this.flushing;
    }
    this.nextFlush ??= this.flushing.then(() => {
      this.nextFlush = undefined;
      return this.flush();
    });
    return this.nextFlush;
  }

  private async connect(): Promise<boolean> {
    if (this.ready) return true;
    try {
      await this.store.migrate();
      this.ready = true;
      if (!this.connectedOnce) this.logger.log('info', 'record store ready', { backend: this.store.backend, location: this.store.location });
      this.connectedOnce = true;
      this.outage.ok();
      return true;
    } catch (err) {
      this.outage.failed(err, 'connecting');
      return false;
    }
  }

  private async flushNow(): Promise<boolean> {
    if (!(await this.connect())) return false;
    const batch = this.take();
    if (!batch.counts.length && !batch.gaps.length && !batch.votes.length) return true;
    this.writing = batch.counts.length + batch.gaps.length + batch.votes.length;
    try {
      await this.store.write(batch);
      this.outage.ok();
      return true;
    } catch (err) {
      if (refusesRecords(err)) {
        this.logger.log('error', 'the record store refused a batch of records; dropped them', { counts: batch.counts.length, gaps: batch.gaps.length, votes: batch.votes.length, ...storeErrorOf(err) });
        return false;
      }
      this.putBack(batch);
      // Connect (and migrate) again before the next write: the server may have been replaced.
      this.ready = false;
      this.outage.failed(err, 'writing');
      return false;
    } finally {
      this.writing = 0;
    }
  }

  /** A pooled connection broke while idle (the server restarted): connect again before the next write. */
  connectionLost(err: unknown): void {
    this.ready = false;
    this.outage.failed(err, 'idle connection');
  }

  /** Deletes gaps and votes past the retention period, and stale claims. */
  purge(): Promise<void> {
    this.purging ??= this.purgeNow().finally(() => {
      this.purging = undefined;
    });
    return this.purging;
  }

  private async purgeNow(): Promise<void> {
    if (!this.ready) return;
    const t = this.now();
    const before = new Date(t - this.options.retentionDays * DAY_MS);
    try {
      const purged = await this.store.purge(before, { event: new Date(t - EVENT_CLAIM_DAYS * DAY_MS), ask: before });
      if (purged.gaps || purged.votes || purged.claims) this.logger.log('info', 'deleted records past their retention period', { ...purged, retentionDays: this.options.retentionDays });
    } catch (err) {
      this.outage.failed(err, 'deleting old records');
    }
  }

  /**
   * Claims `key` for this process: true for the first caller anywhere (every replica sharing the
   * store), false after. If the store is unavailable or slow, the claim is decided in this process
   * alone: better a rare second answer than none.
   */
  async claim(key: string, kind: ClaimKind): Promise<boolean> {
    if (this.ready) {
      try {
        const won = await withTimeout(this.store.claim(key, kind, new Date(this.now())), this.options.claimTimeoutMs ?? 1500);
        this.outage.ok();
        return won;
      } catch (err) {
        this.ready = false;
        this.outage.failed(err, 'claiming');
      }
    }
    if (this.local.has(key)) return false;
    this.local.set(key, undefined);
    if (this.local.size > MAX_LOCAL_CLAIMS) this.local.delete(this.local.keys().next().value as string);
    return true;
  }

  /** What came of a claim, for callers that lost it (e.g. the permalink of a post). */
  async complete(key: string, result: string): Promise<void> {
    if (this.local.has(key)) {
      this.local.set(key, result);
      return;
    }
    await this.tryStore('recording a result', () => this.store.complete(key, result));
  }

  async claimResult(key: string): Promise<string | undefined> {
    if (this.local.has(key)) return this.local.get(key);
    return this.tryStore('reading a result', () => this.store.claimResult(key));
  }

  /** Gives up a claim whose work failed, so a later attempt can claim it again. */
  async release(key: string): Promise<void> {
    if (this.local.delete(key)) return;
    await this.tryStore('releasing a claim', () => this.store.release(key));
  }

  private async tryStore<T>(what: string, work: () => Promise<T>): Promise<T | undefined> {
    if (!this.ready) return undefined;
    try {
      const result = await withTimeout(work(), this.options.claimTimeoutMs ?? 1500);
      this.outage.ok();
      return result;
    } catch (err) {
      this.ready = false;
      this.outage.failed(err, what);
      return undefined;
    }
  }

  /** Stops the timers, writes what is waiting (once), and closes the store. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    await this.purging;
    if (this.pending && !(await this.flush())) {
      this.logger.log('warn', 'could not write the last records before stopping', { pending: this.pending });
    }
    await this.store.close().catch((err: unknown) => this.logger.log('warn', 'error closing the record store', storeErrorOf(err)));
  }
}
