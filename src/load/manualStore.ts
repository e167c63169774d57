import { type FSWatcher, watch } from 'node:fs';
import path from 'node:path';
import type { AppLogger } from '../logger.js';
import { formatProblem, type Problem } from '../manual/types.js';
import { loadManualIndex, type ManualIndex } from './loadManualIndex.js';
import type { ManualSource } from '../config.js';

const key = (p: Problem) => `${p.file}\u0000${p.message}`;

/**
 * Holds the index the bot answers from and rebuilds it when the manual changes (a `git pull` in
 * MANUAL_DIR). A rebuild happens off to the side and is swapped in with one assignment, so a
 * question sees either the old index or the new one, never half of each. A rebuild that fails,
 * or that finds a problem the serving index did not have (a broken edit), is logged and dropped:
 * the last good index keeps serving.
 */
export class ManualStore {
  private manual: ManualIndex | undefined;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<boolean> | undefined;
  private again = false;

  constructor(
    readonly source: ManualSource,
    private readonly logger: AppLogger,
    /** Work to do on each new index before it serves, e.g. rendering every section for Slack (in steps: see steps.ts). */
    private readonly prepare: (manual: ManualIndex) => void | Promise<void> = () => {},
    private readonly debounceMs = 300,
  ) {}

  current(): ManualIndex {
    if (!this.manual) throw new Error('the manual has not been loaded yet');
    return this.manual;
  }

  /** First load: problems are logged (the pages concerned are skipped); no pages at all throws. */
  async load(): Promise<ManualIndex> {
    const manual = await loadManualIndex(this.source);
    for (const p of manual.problems) this.logger.log('warn', 'skipped a manual page', { problem: formatProblem(p) });
    this.logExampleProblems(manual);
    await this.prepare(manual);
    this.manual = manual;
    this.logger.log('info', 'manual loaded', {
      dir: this.source.dir,
      pages: manual.pageCount,
      sections: manual.sections.length,
      exampleQuestions: manual.exampleQuestions,
      examplesDir: manual.examplesDir ?? 'none',
    });
    return manual;
  }

  /** Rebuilds and swaps in the new index if it is good; true if it was swapped in. */
  reload(): Promise<boolean> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.rebuild().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.reload();
      }
    });
    return this.running;
  }

  private async rebuild(): Promise<boolean> {
    const started = performance.now();
    let next: ManualIndex;
    try {
      next = await loadManualIndex(this.source);
    } catch (err) {
      this.logger.log('error', 'manual reload failed; still serving the last good index', { err });
      return false;
    }
    const known = new Set((this.manual?.problems ?? []).map(key));
    const fresh = next.problems.filter((p) => !known.has(key(p)));
    if (fresh.length) {
      this.logger.log('error', 'manual reload found problems; still serving the last good index', {
        problems: fresh.map(formatProblem),
      });
      return false;
    }
    // Example question problems never hold a reload back: renaming a heading makes the examples
    // filed under the old one stale, and serving the edited page matters more than those examples.
    this.logExampleProblems(next);
    await this.prepare(next);
    this.manual = next;
    this.logger.log('info', 'manual reloaded', {
      pages: next.pageCount,
      sections: next.sections.length,
      ms: Math.round(performance.now() - started),
    });
    return true;
  }

  private logExampleProblems(manual: ManualIndex): void {
    for (const p of manual.exampleProblems) this.logger.log('warn', 'skipped example questions', { problem: formatProblem(p) });
  }

  /** Watches the manual folder and reloads, debounced, when a page or the synonyms change. */
  watch(): void {
    if (this.watcher) return;
    const relevant = /\.(md|erb|ya?ml)$/;
    try {
      this.watcher = watch(this.source.dir, { recursive: true }, (_event, file) => {
        const name = file ? String(file) : '';
        if (name && (!relevant.test(name) || name.split(path.sep).some((p) => p.startsWith('.')))) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.reload(), this.debounceMs);
      });
      this.watcher.on('error', (err) => this.logger.log('warn', 'stopped watching the manual for changes', { err }));
      this.watcher.unref();
    } catch (err) {
      this.logger.log('warn', 'cannot watch the manual for changes; restart to pick them up', { err });
    }
  }

  /** Settles any rebuild in flight; for shutdown and tests. */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = undefined;
    await this.running;
  }
}
