import type { AppLogger } from '../logger.js';

/** How often an outage that goes on is logged again. */
export const OUTAGE_LOG_EVERY_MS = 60_000;

/** A store error as log fields: message and code only (a pg error can carry the query's values). */
export function storeErrorOf(err: unknown): { error: string; code?: string } {
  const e = (err ?? {}) as { message?: unknown; code?: unknown };
  return { error: typeof e.message === 'string' ? e.message : String(err), ...(typeof e.code === 'string' ? { code: e.code } : {}) };
}

/**
 * Logs a store outage once when it starts, then at most once a minute while it lasts (with how
 * many calls failed meanwhile), and once when it ends: a store that is down fails every request,
 * and a log line per request would bury everything else.
 */
export class OutageLog {
  private downSince: number | undefined;
  private lastLogged = 0;
  private failures = 0;

  constructor(
    private readonly logger: AppLogger,
    private readonly fields: () => Record<string, unknown>,
    private readonly now: () => number = Date.now,
  ) {}

  get down(): boolean {
    return this.downSince !== undefined;
  }

  failed(err: unknown, what: string): void {
    const t = this.now();
    this.failures++;
    if (this.downSince === undefined) {
      this.downSince = t;
      this.lastLogged = t;
      this.logger.log('error', 'record store unavailable; answering without it (feedback, reports and cross-replica retry checks degrade until it is back)', {
        ...this.fields(),
        while: what,
        ...storeErrorOf(err),
      });
      return;
    }
    if (t - this.lastLogged >= OUTAGE_LOG_EVERY_MS) {
      this.lastLogged = t;
      this.logger.log('error', 'record store still unavailable', {
        ...this.fields(),
        while: what,
        failures: this.failures,
        downForS: Math.round((t - this.downSince) / 1000),
        ...storeErrorOf(err),
      });
    }
  }

  ok(): void {
    if (this.downSince === undefined) return;
    this.logger.log('info', 'record store available again', { ...this.fields(), failures: this.failures, downForS: Math.round((this.now() - this.downSince) / 1000) });
    this.downSince = undefined;
    this.failures = 0;
  }
}
