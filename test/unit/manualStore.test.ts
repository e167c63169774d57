import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { answerQuestion } from '../../src/answer/answer.js';
import { DEFAULT_BASE_URL } from '../../src/config.js';
import { ManualStore } from '../../src/load/manualStore.js';
import { createLogger } from '../../src/logger.js';
import { page, tempManual } from '../support/tempManual.js';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function setup() {
  const manual = tempManual({
    'deploys.html.md': page('Deploying', '## Deploying to production\n\nUse the release app to deploy to production.\n'),
    'rota.html.md': page('Support rota', '## Swapping shifts\n\nAsk in the rota channel to swap a shift.\n'),
  });
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({ format: 'json', level: 'debug', write: (l) => logs.push(JSON.parse(l) as Record<string, unknown>) });
  let prepared = 0;
  const store = new ManualStore({ dir: manual.dir, baseUrl: DEFAULT_BASE_URL }, logger, () => void prepared++, 50);
  cleanups.push(() => store.close(), manual.remove);
  return { manual, store, logs, prepared: () => prepared };
}

const headings = (store: ManualStore) => store.current().sections.map((s) => s.heading).sort();

describe('ManualStore', () => {
  it('swaps in a rebuilt index after a good edit', async () => {
    const { manual, store, prepared } = setup();
    await store.load();
    fs.writeFileSync(path.join(manual.dir, 'leavers.html.md'), page('Leavers', '## Managing leavers\n\nRaise a PR in the user reviewer.\n'));
    const before = store.current();
    expect(await store.reload()).toBe(true);
    expect(store.current()).not.toBe(before);
    expect(headings(store)).toContain('Managing leavers');
    expect(answerQuestion(store.current(), 'leavers').answered).toBe(true);
    expect(prepared()).toBe(2);
  });

  it('keeps serving the last good index when an edit breaks a page, and logs the problem', async () => {
    const { manual, store, logs } = setup();
    await store.load();
    const good = store.current();
    fs.writeFileSync(path.join(manual.dir, 'rota.html.md'), '---\ntitle: [unclosed\n---\n\n## Swapping shifts\n');
    expect(await store.reload()).toBe(false);
    expect(store.current()).toBe(good);
    expect(headings(store)).toContain('Swapping shifts');
    const error = logs.find((l) => l.level === 'error' && String(l.msg).includes('last good index'));
    expect(JSON.stringify(error)).toContain('rota.html.md');
  });

  it('takes a page edit that leaves example questions stale, and warns about the examples', async () => {
    const { manual, store, logs } = setup();
    fs.mkdirSync(path.join(manual.dir, 'example-questions'));
    fs.writeFileSync(path.join(manual.dir, 'example-questions', 'rota.yml'), 'pages:\n  rota.html.md:\n    Swapping shifts: ["can I change my shift"]\n');
    await store.load();
    expect(store.current().exampleQuestions).toBe(1);
    fs.writeFileSync(path.join(manual.dir, 'rota.html.md'), page('Support rota', '## Changing shifts\n\nAsk in the rota channel to change a shift.\n'));
    expect(await store.reload()).toBe(true);
    expect(headings(store)).toContain('Changing shifts');
    const warning = logs.find((l) => l.level === 'warn' && l.msg === 'skipped example questions');
    expect(String(warning?.problem)).toMatch(/rota\.yml:3: no section "Swapping shifts" on rota\.html\.md/);
  });

  it('takes an example questions file that breaks, without its examples, and warns', async () => {
    const { manual, store, logs } = setup();
    fs.mkdirSync(path.join(manual.dir, 'example-questions'));
    const file = path.join(manual.dir, 'example-questions', 'rota.yml');
    fs.writeFileSync(file, 'pages:\n  rota.html.md:\n    Swapping shifts: ["can I change my shift"]\n');
    await store.load();
    fs.writeFileSync(file, 'pages:\n  rota.html.md:\n    Swapping shifts: [unclosed\n');
    expect(await store.reload()).toBe(true);
    expect(store.current().exampleQuestions).toBe(0);
    expect(answerQuestion(store.current(), 'swap a shift').answered).toBe(true);
    expect(logs.some((l) => l.level === 'warn' && String(l.problem).includes('not valid YAML'))).toBe(true);
  });

  it('keeps serving when the folder loses every page', async () => {
    const { manual, store } = setup();
    await store.load();
    for (const f of fs.readdirSync(manual.dir)) fs.rmSync(path.join(manual.dir, f));
    expect(await store.reload()).toBe(false);
    expect(store.current().sections.length).toBe(2);
  });

  it('never hands out a half-built index while rebuilding', async () => {
    const { manual, store } = setup();
    await store.load();
    fs.writeFileSync(path.join(manual.dir, 'leavers.html.md'), page('Leavers', '## Managing leavers\n\nRaise a PR.\n'));
    const seen = new Set<number>();
    const reloading = store.reload();
    // While the rebuild yields between pages, readers see the old index, whole.
    for (let i = 0; i < 5; i++) {
      seen.add(store.current().sections.length);
      await new Promise((r) => setImmediate(r));
    }
    await reloading;
    seen.add(store.current().sections.length);
    expect([...seen].every((n) => n === 2 || n === 3)).toBe(true);
    expect(store.current().sections.length).toBe(3);
  });

  it('coalesces reloads asked for while one is running', async () => {
    const { manual, store } = setup();
    await store.load();
    fs.writeFileSync(path.join(manual.dir, 'a.html.md'), page('A page', 'Alpha text.\n'));
    const first = store.reload();
    const second = store.reload();
    expect(second).toBe(first);
    await first;
    expect(headings(store)).toContain('A page');
  });

  it('picks up a change on disk by itself when watching', async () => {
    const { manual, store } = setup();
    await store.load();
    store.watch();
    fs.writeFileSync(path.join(manual.dir, 'leavers.html.md'), page('Leavers', '## Managing leavers\n\nRaise a PR.\n'));
    const deadline = Date.now() + 10_000;
    while (!headings(store).includes('Managing leavers') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(headings(store)).toContain('Managing leavers');
  });
});
