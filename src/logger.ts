import { writeSync } from 'node:fs';
import { type Logger as SlackLogger, LogLevel } from '@slack/bolt';

/**
 * The app's logger: JSON lines for machines (production) or short readable lines for people
 * (development), one interface for our code and for Bolt's (it implements @slack/logger's Logger).
 * Anything that looks like a Slack token or a signing secret is masked on the way out, whoever
 * logged it.
 */
export type Fields = Record<string, unknown>;

const ORDER: Record<string, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET = /\b(xox[a-z]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+)/g;

export interface AppLogger extends SlackLogger {
  log(level: `${LogLevel}`, message: string, fields?: Fields): void;
  child(fields: Fields): AppLogger;
}

export interface LoggerOptions {
  level?: `${LogLevel}`;
  format?: 'json' | 'pretty';
  /** Strings to mask wherever they appear (the configured tokens and secret). */
  secrets?: string[];
  write?: (line: string) => void;
  name?: string;
  fields?: Fields;
}

function describe(value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { error: value.message, ...(code ? { code } : {}), stack: value.stack?.split('\n').slice(0, 5).join('\n') };
  }
  return value;
}

/**
 * Standard output, written in batches: lines logged in one turn of the event loop go out in one
 * write. Under load that is one system call per turn instead of one per request; lines still
 * waiting when the process exits are written synchronously, so none are lost.
 */
function batchedStdout(): (line: string) => void {
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const text = `${pending.join('\n')}\n`;
    pending = [];
    process.stdout.write(text);
  };
  process.once('exit', () => {
    if (pending.length) writeSync(1, `${pending.join('\n')}\n`);
    pending = [];
  });
  return (line) => {
    if (pending.push(line) === 1) setImmediate(flush);
  };
}

let stdoutWriter: ((line: string) => void) | undefined;

/** One batched standard output for every logger that writes there. */
function sharedStdout(): (line: string) => void {
  stdoutWriter ??= batchedStdout();
  return stdoutWriter;
}

export function createLogger(options: LoggerOptions = {}): AppLogger {
  let level: `${LogLevel}` = options.level ?? 'info';
  let name = options.name ?? 'techlead';
  const format = options.format ?? 'json';
  const write = options.write ?? sharedStdout();
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 6);
  const base = options.fields ?? {};

  const mask = (text: string) => {
    // The cheap test first: almost no line holds anything token-like.
    let out = text.includes('xox') || text.includes('xapp-') ? text.replace(SECRET, (m) => `${m.slice(0, 5)}[redacted]`) : text;
    for (const s of secrets) if (out.includes(s)) out = out.split(s).join('[redacted]');
    return out;
  };

  const log = (lvl: `${LogLevel}`, message: string, fields: Fields = {}) => {
    if ((ORDER[lvl] ?? 0) < (ORDER[level] ?? 0)) return;
    const entry: Fields = { time: new Date().toISOString(), level: lvl, name, msg: message, ...base };
    for (const [k, v] of Object.entries(fields)) entry[k] = describe(v);
    if (format === 'json') {
      write(mask(JSON.stringify(entry)));
      return;
    }
    const extra = Object.entries(entry)
      .filter(([k]) => !['time', 'level', 'name', 'msg'].includes(k))
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ');
    write(mask(`${String(entry.time).slice(11, 23)} ${lvl.toUpperCase().padEnd(5)} [${name}] ${message}${extra ? ` ${extra}` : ''}`));
  };

  // Bolt and the Slack clients log with console-style arguments.
  const fromArgs = (lvl: `${LogLevel}`) => (...args: unknown[]) => {
    const errors = args.filter((a) => a instanceof Error);
    const text = args.filter((a) => !(a instanceof Error)).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    log(lvl, text || (errors[0] as Error | undefined)?.message || '', errors[0] ? { err: errors[0] } : {});
  };

  return {
    log,
    debug: fromArgs(LogLevel.DEBUG),
    info: fromArgs(LogLevel.INFO),
    warn: fromArgs(LogLevel.WARN),
    error: fromArgs(LogLevel.ERROR),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level as LogLevel,
    setName: (n: string) => {
      name = n;
    },
    child: (fields: Fields) => createLogger({ ...options, level, name, fields: { ...base, ...fields } }),
  };
}
