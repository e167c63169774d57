import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (test/support/ is two levels down). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built app, as `npm start` and the container run it. `npm test` builds it first. */
export const MAIN_JS = path.join(ROOT, 'dist', 'main.js');

export interface ChildBot {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  stdout(): string;
  stderr(): string;
  /** stdout's JSON lines (LOG_FORMAT=json), parsed; other lines are skipped. */
  logs(): Record<string, unknown>[];
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first log entry that matches, or rejects if the process exits first or after `timeoutMs`. */
  waitForLog(match: (entry: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Kills the process if it is still running (for afterEach). */
  kill(): Promise<void>;
}

/**
 * Runs `node dist/main.js` with exactly `env` (plus PATH), from an empty temporary folder so
 * that no `.env` file on the developer's machine fills in what the test left out.
 */
export function spawnBot(env: Record<string, string>): ChildBot {
  if (!fs.existsSync(MAIN_JS)) throw new Error(`${MAIN_JS} is missing: run \`npm run build\` first (npm test does)`);
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'techlead-child-'));
  const child = spawn(process.execPath, [MAIN_JS], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    for (const l of listeners) l();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    // 'close', not 'exit': by then stdout and stderr have been read to the end.
    child.on('close', (code, signal) => {
      done = true;
      fs.rmSync(cwd, { recursive: true, force: true });
      resolve({ code, signal });
      for (const l of listeners) l();
    });
  });

  const logs = () =>
    out
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      });

  const waitForLog = (match: (entry: Record<string, unknown>) => boolean, timeoutMs = 10_000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const check = () => {
        const entry = logs().find(match);
        if (entry) finish(() => resolve(entry));
        else if (done) finish(() => reject(new Error(`the bot exited before logging that; stdout:\n${out}\nstderr:\n${err}`)));
      };
      const finish = (then: () => void) => {
        clearTimeout(timer);
        listeners.delete(check);
        then();
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`timed out waiting for a log line; stdout:\n${out}\nstderr:\n${err}`))), timeoutMs);
      listeners.add(check);
      check();
    });

  return {
    child,
    stdout: () => out,
    stderr: () => err,
    logs,
    exited,
    waitForLog,
    kill: async () => {
      if (done) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
