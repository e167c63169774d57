/**
 * Work done in steps: a generator that yields between them. Loading the manual (at start-up, on
 * a live reload, in the CLI) runs it with runStepsYielding, handing the event loop back between
 * steps, so a rebuild in the background never holds a question up for longer than one step;
 * benchmarks and tuning scripts, which serve nothing, run it straight through (runSteps).
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs the steps, letting anything waiting on the event loop (requests) run between them. */
export async function runStepsYielding<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
