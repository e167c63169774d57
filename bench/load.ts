/**
 * npm run bench:load: the bot under HTTP load, as a separate process, against a baseline.
 *
 *  1. Starts a fake Slack Web API in this process, and two children on free loopback ports: the
 *     bot (`node dist/main.js`, NODE_ENV=production) and a bare Bolt app (bench/bareBolt.ts) whose
 *     only listener acks slash commands with an empty body.
 *  2. Throughput: the same signed `/techlead leavers` request, from autocannon, against both:
 *     warm-ups, then measured runs alternating bare, bot, bare, bot. Prints requests/second, ack
 *     latency p50/p99 and RSS, and checks bot rps / bare rps >= 0.80 and bot p99 < 100 ms.
 *  3. Soak: 20,000 mixed, individually signed requests against the bot (commands, app mentions,
 *     DMs, and Slack retries of events already sent). Prints the bot's RSS as the soak goes, and
 *     checks that every event was answered exactly once (retries must not answer again) and that
 *     memory levels off.
 *  4. Checks the bot's record store was in use: every soak question counted in it (the embedded
 *     store in a temporary DATA_DIR, or PostgreSQL when DATABASE_URL is set, as for replicas).
 *  5. Stops everything; exits 0 if every check passed, 1 if one failed, 2 on a setup error or
 *     timeout.
 *
 * Everything is on 127.0.0.1, and every loop is bounded in count and in time. The numbers are
 * from a shared 2-core machine where the load generator, the fake Slack and the server under
 * test share the cores, so they compare the bot with the baseline more than they measure either.
 */
import autocannon from 'autocannon';
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { FakeSlack } from '../test/support/fakeSlack.js';
import { commandBody, eventBody, mentionEvent, messageEvent, sign } from '../test/support/signedRequest.js';
import { PROJECT_ROOT, type StoreConfig, storeConfigFromEnv } from '../src/config.js';
import { openRecordStore } from '../src/store/openStore.js';

// --- Parameters -------------------------------------------------------------------------------

const envInt = (name: string, fallback: number, min: number, max: number): number => {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
};

/** Concurrent connections for the throughput runs. */
const CONNECTIONS = 10;
const WARMUP_SECONDS = 2;
const MEASURE_SECONDS = envInt('BENCH_MEASURE_SECONDS', 8, 1, 30);
/** Measured runs per app, alternating bare, bot, bare, bot, ... */
const ROUNDS = envInt('BENCH_ROUNDS', 3, 1, 5);
const SOAK_REQUESTS = envInt('BENCH_SOAK_REQUESTS', 20_000, 100, 100_000);
/** Requests in flight at once during the soak (a few, like Slack's own delivery). */
const SOAK_CONCURRENCY = 8;
/** The soak stops sending after this long even if it has not sent everything (and fails). */
const SOAK_BUDGET_MS = 60_000;
/** Idle time after the soak before the last RSS reading. */
const SETTLE_MS = 3_000;
/** The whole run is abandoned (children killed, exit 2) after this long. */
const DEADLINE_MS = 150_000;

const RATIO_MIN = 0.8;
const P99_MAX_MS = 100;
/**
 * Memory "settled" if RSS grew by at most this much over the second half of the soak. The second
 * half sends the same mix as the first, so a per-request leak would grow it by about as much as
 * the first half did; a heap that has reached its working size grows by little. 16 MiB (or 10% of
 * RSS, if more) leaves room for V8 growing its heap lazily and for GC timing.
 */
const settleBoundKb = (rssAt50Kb: number): number => Math.max(16 * 1024, Math.round(rssAt50Kb * 0.1));

const SIGNING_SECRET = 'bench-signing-secret-0123456789';
const BOT_TOKEN = 'xoxb-bench-0000-token';
const COMMAND_QUESTION = 'leavers';
const EXPECTED_ANSWER = 'Managing leavers';
/** Soak questions: answered ones from different pages and sections, and one the manual has no answer to. */
const SOAK_QUESTIONS = [
  'leavers',
  'how do I onboard a new team member',
  'planning work',
  'tech lead stand up and weeknote',
  'what should I do about incident reviews',
  'removing technical blockers',
  'what is the best pizza topping on mars',
];

// --- Small helpers ----------------------------------------------------------------------------

const root = PROJECT_ROOT;
// Event ids unique to this run: with DATABASE_URL the claims of an earlier run's events are still
// in the shared database (kept a day), and would stop these being answered.
const RUN = Date.now().toString(36);
/**
 * The bot's record store: PostgreSQL if DATABASE_URL is set (as with replicas), else the embedded
 * store in a temporary folder, removed at the end.
 */
const benchDataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(path.join(os.tmpdir(), 'techlead-bench-data-'));
const wallStart = performance.now();
const elapsed = () => `${((performance.now() - wallStart) / 1000).toFixed(1)} s`;
const logged: string[] = [];
const log = (line: string) => {
  console.log(line);
  logged.push(line);
};
const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MiB`;
const fmt = (n: number, digits = 0) => n.toFixed(digits);

/** A free loopback port: listen on 0, note the port, close. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resident set size of a process, from /proc (Linux), in kB. */
function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!m) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(m[1]);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

// --- Children ---------------------------------------------------------------------------------

interface Child {
  name: string;
  proc: ChildProcess;
  pid: number;
  url: string;
  /** The last few kB of stderr, to explain a crash. */
  stderrTail: () => string;
  exited: Promise<void>;
}

const children: Child[] = [];

function startChild(name: string, script: string, port: number, slackApiUrl: string): Child {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slackApiUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    // Set, though empty, so that a developer's .env (read by dotenv in main.ts, which never
    // overrides a variable that is set) cannot switch the bot to Socket Mode or another manual.
    SLACK_APP_TOKEN: '',
    MANUAL_DIR: '',
    MANUAL_BASE_URL: '',
    SYNONYMS_FILE: '',
    LOG_QUESTIONS: 'false',
    ...(benchDataDir ? { DATA_DIR: benchDataDir } : {}),
  };
  // stdout (a JSON log line per question) goes nowhere: piping it here would make the bot's
  // synchronous pipe writes wait on this busy process. stderr is kept (bounded) for crashes.
  const proc = spawn(process.execPath, [script], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (proc.pid === undefined) throw new Error(`${name}: could not start ${script}`);
  let tail = '';
  proc.stderr?.setEncoding('utf8');
  proc.stderr?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-4000);
  });
  proc.on('error', (err) => {
    tail += `\n(spawn error: ${err.message})`;
  });
  const exited = new Promise<void>((resolve) => {
    if (proc.exitCode !== null) resolve();
    else proc.once('exit', () => resolve());
  });
  const child: Child = { name, proc, pid: proc.pid, url: `http://127.0.0.1:${port}`, stderrTail: () => tail, exited };
  children.push(child);
  return child;
}

/** Polls `probe` every 100 ms until it says ready, the child exits, or 20 s pass. */
async function waitReady(child: Child, probe: () => Promise<boolean>): Promise<void> {
  const until = performance.now() + 20_000;
  while (performance.now() < until) {
    if (child.proc.exitCode !== null) throw new Error(`${child.name} exited (code ${child.proc.exitCode}) while starting:\n${child.stderrTail()}`);
    try {
      if (await probe()) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`${child.name} was not ready after 20 s:\n${child.stderrTail()}`);
}

/** SIGTERM, then up to 7 s (the bot allows itself 5 s to drain), then SIGKILL. */
async function stopChild(child: Child): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  child.proc.kill('SIGTERM');
  const timedOut = await Promise.race([child.exited.then(() => false), sleep(7_000).then(() => true)]);
  if (timedOut) {
    log(`  ${child.name} did not stop within 7 s of SIGTERM; sending SIGKILL`);
    child.proc.kill('SIGKILL');
    await Promise.race([child.exited, sleep(2_000)]);
  }
}

// --- Throughput -------------------------------------------------------------------------------

interface RunStats {
  app: 'bare' | 'bot';
  rps: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  mismatches: number;
}

/**
 * One autocannon run of the same signed slash command. `verifyBody` is given to both apps (so the
 * load generator does the same work for each): the bot must answer with the section, the bare app
 * with an empty ack.
 */
async function cannon(child: Child, app: RunStats['app'], body: string, headers: Record<string, string>, seconds: number): Promise<RunStats> {
  const result = await autocannon({
    url: `${child.url}/slack/events`,
    method: 'POST',
    headers,
    body,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    verifyBody: app === 'bot' ? (b) => typeof b === 'string' && b.includes(EXPECTED_ANSWER) : (b) => b === undefined || b === '' || b.length === 0,
  });
  return {
    app,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    mismatches: result.mismatches,
  };
}

/** A few requests by hand, with fetch, to see the actual status and body. */
async function sample(child: Child, body: string, headers: Record<string, string>, n: number): Promise<{ status: number; text: string }[]> {
  const out: { status: number; text: string }[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${child.url}/slack/events`, { method: 'POST', body, headers, signal: AbortSignal.timeout(5_000) });
    out.push({ status: res.status, text: await res.text() });
  }
  return out;
}

// --- Soak -------------------------------------------------------------------------------------

type SoakKind = 'command' | 'mention' | 'dm' | 'retry';

interface SentEvent {
  body: string;
  eventId: string;
}

interface SoakResult {
  sent: Record<SoakKind, number>;
  statuses: Map<number, number>;
  errors: number;
  errorSample: string;
  latencies: number[];
  rss: { label: string; kb: number }[];
  completed: number;
  timedOut: boolean;
  mentionTs: Set<string>;
}

/** POST with node:http over a keep-alive agent; resolves with the status (the body is drained). */
function post(agent: Agent, url: URL, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('timed out after 10 s')));
    req.end(body);
  });
}

/**
 * SOAK_REQUESTS requests from SOAK_CONCURRENCY workers, in a fixed mix by request number: 40%
 * slash commands, 20% app mentions, 20% DMs (each with a unique event id), 20% retries of an
 * event already answered (its exact body again, with Slack's retry headers). Each request is
 * signed when sent, as Slack does. RSS is read at 0, 25, 50, 75 and 100%.
 */
async function soak(bot: Child): Promise<SoakResult> {
  const url = new URL(`${bot.url}/slack/events`);
  const agent = new Agent({ keepAlive: true, maxSockets: SOAK_CONCURRENCY });
  const result: SoakResult = {
    sent: { command: 0, mention: 0, dm: 0, retry: 0 },
    statuses: new Map(),
    errors: 0,
    errorSample: '',
    latencies: [],
    rss: [{ label: '0%', kb: rssKb(bot.pid) }],
    completed: 0,
    timedOut: false,
    mentionTs: new Set(),
  };
  // Events whose first delivery has been acked: what a retry re-sends. A bounded ring.
  const recent: SentEvent[] = [];
  const checkpoints = [0.25, 0.5, 0.75].map((f) => Math.round(SOAK_REQUESTS * f));
  const stopAt = performance.now() + SOAK_BUDGET_MS;
  let next = 0;
  let eventSeq = 0;

  const one = async (i: number): Promise<void> => {
    const question = SOAK_QUESTIONS[i % SOAK_QUESTIONS.length]!;
    let kind: SoakKind = (['command', 'command', 'command', 'command', 'mention', 'mention', 'dm', 'dm', 'retry', 'retry'] as const)[i % 10]!;
    if (kind === 'retry' && recent.length === 0) kind = 'command';
    let body: string;
    let contentType = 'application/json';
    const extra: Record<string, string> = {};
    let first: SentEvent | undefined;
    switch (kind) {
      case 'command':
        body = commandBody(question);
        contentType = 'application/x-www-form-urlencoded';
        break;
      case 'mention': {
        const eventId = `EvBench${RUN}M${++eventSeq}`;
        const event = mentionEvent(`<@${FakeSlack.BOT_USER_ID}> ${question}`);
        result.mentionTs.add(String(event.ts));
        body = eventBody(event, eventId);
        first = { body, eventId };
        break;
      }
      case 'dm': {
        const eventId = `EvBench${RUN}D${++eventSeq}`;
        body = eventBody(messageEvent(question, { user: `U${String(1000 + (i % 500)).padStart(8, '0')}` }), eventId);
        first = { body, eventId };
        break;
      }
      case 'retry': {
        // Deterministic pick among recent events; Slack re-sends the same payload.
        const original = recent[i % recent.length]!;
        body = original.body;
        extra['x-slack-retry-num'] = '1';
        extra['x-slack-retry-reason'] = 'http_timeout';
        break;
      }
    }
    result.sent[kind]++;
    const headers = { 'content-type': contentType, ...sign(SIGNING_SECRET, body), ...extra };
    const t = performance.now();
    try {
      const status = await post(agent, url, body, headers);
      result.latencies.push(performance.now() - t);
      result.statuses.set(status, (result.statuses.get(status) ?? 0) + 1);
      if (first && status >= 200 && status < 300) {
        recent.push(first);
        if (recent.length > 256) recent.shift();
      }
    } catch (err) {
      result.errors++;
      if (!result.errorSample) result.errorSample = (err as Error).message;
    }
    result.completed++;
    const at = checkpoints.indexOf(result.completed);
    if (at >= 0) result.rss.push({ label: `${(at + 1) * 25}%`, kb: rssKb(bot.pid) });
  };

  const worker = async (): Promise<void> => {
    while (next < SOAK_REQUESTS) {
      if (performance.now() > stopAt) {
        result.timedOut = true;
        return;
      }
      await one(next++);
    }
  };
  await Promise.all(Array.from({ length: SOAK_CONCURRENCY }, () => worker()));
  result.rss.push({ label: '100%', kb: rssKb(bot.pid) });
  agent.destroy();
  return result;
}

// --- Main -------------------------------------------------------------------------------------

const checks: { name: string; ok: boolean; detail: string }[] = [];
const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });

const fake = new FakeSlack();
let cleaningUp: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaningUp ??= (async () => {
    await Promise.all(children.map((c) => stopChild(c)));
    await fake.stop();
    if (benchDataDir) rmSync(benchDataDir, { recursive: true, force: true });
  })();
  return cleaningUp;
}

// A run that hangs anyway is stopped: children killed outright, exit 2.
const watchdog = setTimeout(() => {
  console.error(`bench:load: FAILED, still running after ${DEADLINE_MS / 1000} s; killing the children`);
  for (const c of children) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
  process.exit(2);
}, DEADLINE_MS);
watchdog.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`bench:load: ${signal}, stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function main(): Promise<void> {
  log(`bench:load on ${os.cpus().length} CPU(s), Node ${process.version}, ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} load average`);
  await fake.start();
  const [botPort, barePort] = [await freePort(), await freePort()];
  const bot = startChild('bot', path.join(root, 'dist/main.js'), botPort, fake.url);
  const bare = startChild('bare Bolt', path.join(root, 'build/bench/bareBolt.js'), barePort, fake.url);

  const readyBody = commandBody(COMMAND_QUESTION);
  await Promise.all([
    waitReady(bot, async () => (await fetch(`${bot.url}/healthz`, { signal: AbortSignal.timeout(2_000) })).status === 200),
    waitReady(bare, async () => {
      const headers = { 'content-type': 'application/x-www-form-urlencoded', ...sign(SIGNING_SECRET, readyBody) };
      return (await fetch(`${bare.url}/slack/events`, { method: 'POST', body: readyBody, headers, signal: AbortSignal.timeout(2_000) })).status === 200;
    }),
  ]);
  log(`[${elapsed()}] started: bot pid ${bot.pid} on ${bot.url}, bare Bolt pid ${bare.pid} on ${bare.url}, fake Slack on ${fake.url}`);

  // --- Throughput: one body, signed once, the same headers for both apps.
  const body = commandBody(COMMAND_QUESTION);
  const headers = { 'content-type': 'application/x-www-form-urlencoded', ...sign(SIGNING_SECRET, body) };

  const samplesBefore = await sample(bot, body, headers, 3);
  const bareSamples = await sample(bare, body, headers, 2);
  const rssBefore = { bot: rssKb(bot.pid), bare: rssKb(bare.pid) };

  log(`\n== Throughput: POST /slack/events "/techlead ${COMMAND_QUESTION}", ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up each, then ${ROUNDS}x${MEASURE_SECONDS} s per app (bare, bot, ...)`);
  const warm = { bare: await cannon(bare, 'bare', body, headers, WARMUP_SECONDS), bot: await cannon(bot, 'bot', body, headers, WARMUP_SECONDS) };
  log(`[${elapsed()}] warm-up: bare ${fmt(warm.bare.rps)} req/s, bot ${fmt(warm.bot.rps)} req/s`);
  const runs: RunStats[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const [child, app] of [[bare, 'bare'], [bot, 'bot']] as const) {
      const s = await cannon(child, app, body, headers, MEASURE_SECONDS);
      runs.push(s);
      log(`[${elapsed()}] run ${r + 1} ${app.padEnd(4)}: ${fmt(s.rps).padStart(6)} req/s, p50 ${s.p50} ms, p99 ${s.p99} ms, ${s.total} requests, non-2xx ${s.non2xx}, errors ${s.errors}, timeouts ${s.timeouts}, body mismatches ${s.mismatches}`);
    }
  }
  const rssAfter = { bot: rssKb(bot.pid), bare: rssKb(bare.pid) };
  const samplesAfter = await sample(bot, body, headers, 3);

  const of = (app: RunStats['app']) => runs.filter((s) => s.app === app);
  const summary = (app: RunStats['app']) => {
    const rs = of(app);
    return {
      rps: mean(rs.map((s) => s.rps)),
      p50: mean(rs.map((s) => s.p50)),
      p99: Math.max(...rs.map((s) => s.p99)),
      total: rs.reduce((a, s) => a + s.total, 0) + warm[app].total,
      non2xx: rs.reduce((a, s) => a + s.non2xx, 0) + warm[app].non2xx,
      errors: rs.reduce((a, s) => a + s.errors + s.timeouts, 0) + warm[app].errors + warm[app].timeouts,
      mismatches: rs.reduce((a, s) => a + s.mismatches, 0) + warm[app].mismatches,
    };
  };
  const sBare = summary('bare');
  const sBot = summary('bot');
  const ratio = sBot.rps / sBare.rps;
  const row = (label: string, bareV: string, botV: string) => log(`  ${label.padEnd(34)}${bareV.padStart(14)}${botV.padStart(14)}`);
  log('');
  row('', 'bare Bolt', 'bot');
  row(`requests/s (mean of ${ROUNDS} run(s))`, fmt(sBare.rps), fmt(sBot.rps));
  row('ack latency p50 (mean of runs)', `${fmt(sBare.p50, 1)} ms`, `${fmt(sBot.p50, 1)} ms`);
  row('ack latency p99 (worst run)', `${fmt(sBare.p99, 1)} ms`, `${fmt(sBot.p99, 1)} ms`);
  row('RSS before load', mb(rssBefore.bare), mb(rssBefore.bot));
  row('RSS after load', mb(rssAfter.bare), mb(rssAfter.bot));
  row('requests (incl. warm-up)', String(sBare.total), String(sBot.total));
  row('non-2xx', String(sBare.non2xx), String(sBot.non2xx));
  row('connection errors + timeouts', String(sBare.errors), String(sBot.errors));
  row('unexpected bodies', String(sBare.mismatches), String(sBot.mismatches));
  log(`  ratio bot/bare requests/s: ${ratio.toFixed(3)} (means of the measured runs)`);
  const samples = [...samplesBefore, ...samplesAfter];
  const goodSamples = samples.filter((s) => s.status === 200 && s.text.includes(EXPECTED_ANSWER)).length;
  log(`  fetch samples from the bot: ${goodSamples}/${samples.length} were 200 with "${EXPECTED_ANSWER}" (e.g. ${JSON.stringify(samples[0]?.text.slice(0, 100))}...)`);
  log(`  fetch samples from bare Bolt: ${bareSamples.map((s) => `${s.status} ${JSON.stringify(s.text)}`).join(', ')}`);

  check(`throughput ratio >= ${RATIO_MIN}`, ratio >= RATIO_MIN, ratio.toFixed(3));
  check(`bot ack p99 < ${P99_MAX_MS} ms`, sBot.p99 < P99_MAX_MS, `${fmt(sBot.p99, 1)} ms (worst measured run)`);
  check('every throughput response 2xx', sBot.non2xx + sBare.non2xx + sBot.errors + sBare.errors === 0, `non-2xx ${sBare.non2xx} bare, ${sBot.non2xx} bot; errors ${sBare.errors} bare, ${sBot.errors} bot`);
  check(`every bot response has "${EXPECTED_ANSWER}"`, sBot.mismatches === 0 && goodSamples === samples.length, `${sBot.mismatches} mismatches under load, ${goodSamples}/${samples.length} samples`);
  const withButtons = samples.filter((x) => x.text.includes('"feedback_helpful"') && x.text.includes('"feedback_not_helpful"')).length;
  check('every bot answer carries the feedback buttons', withButtons === samples.length, `${withButtons}/${samples.length} samples`);
  check('bare Bolt acks 200 with an empty body', sBare.mismatches === 0 && bareSamples.every((s) => s.status === 200 && s.text === ''), `${sBare.mismatches} mismatches`);

  // --- The record store: what it has counted before the soak (throughput requests included).
  const store = storeConfigFromEnv({ ...process.env, ...(benchDataDir ? { DATA_DIR: benchDataDir } : {}) });
  if ('errors' in store) throw new Error(store.errors.join('; '));
  log(`\n== Record store: ${store.config.databaseUrl ? `PostgreSQL (DATABASE_URL)` : `embedded, ${benchDataDir}`}`);
  const countedBefore = await questionsCounted(bot, store.config);
  log(`  questions counted after the throughput runs: ${countedBefore}`);

  // --- Soak.
  log(`\n== Soak: ${SOAK_REQUESTS} signed requests to the bot, ${SOAK_CONCURRENCY} in flight (40% commands, 20% mentions, 20% DMs, 20% retries)`);
  fake.reset();
  const soakStart = performance.now();
  const s = await soak(bot);
  const soakSeconds = (performance.now() - soakStart) / 1000;
  const uniqueEvents = s.sent.mention + s.sent.dm;
  // Answers are posted after the ack; give the last ones time to arrive, then a little longer
  // for any second answer to a retry to show up.
  // A reply that does not answer a mention (the pizza question) is shown to the asker alone
  // (chat.postEphemeral, in the mention's thread): a reply all the same.
  const posts = () => fake.calls.filter((c) => c.method === 'chat.postMessage' || c.method === 'chat.postEphemeral');
  const waitUntil = performance.now() + 15_000;
  while (posts().length < uniqueEvents && performance.now() < waitUntil) await sleep(100);
  await sleep(1_000);
  const settleStart = performance.now();
  await sleep(Math.max(0, SETTLE_MS - 1_000));
  const rssSettled = rssKb(bot.pid);
  const settledAfterMs = performance.now() - settleStart + 1_000;

  const postCalls = posts();
  const mentionReplies = postCalls.filter((c) => c.args.channel === 'C0TECHLEAD');
  const mentionThreads = new Set(mentionReplies.map((c) => String(c.args.thread_ts)));
  const dmReplies = postCalls.filter((c) => typeof c.args.channel === 'string' && c.args.channel.startsWith('D'));
  const non2xx = [...s.statuses].filter(([status]) => status < 200 || status >= 300).reduce((a, [, n]) => a + n, 0);
  const lat = [...s.latencies].sort((a, b) => a - b);

  log(`[${elapsed()}] soak: ${s.completed} requests in ${soakSeconds.toFixed(1)} s (${fmt(s.completed / soakSeconds)} req/s)${s.timedOut ? `, STOPPED at the ${SOAK_BUDGET_MS / 1000} s budget` : ''}`);
  log(`  sent: ${s.sent.command} commands, ${s.sent.mention} mentions, ${s.sent.dm} DMs, ${s.sent.retry} retries`);
  log(`  statuses: ${[...s.statuses].sort(([a], [b]) => a - b).map(([st, n]) => `${st}: ${n}`).join(', ')}; non-2xx ${non2xx}; errors ${s.errors}${s.errorSample ? ` (first: ${s.errorSample})` : ''}`);
  log(`  ack latency: p50 ${fmt(percentile(lat, 50), 1)} ms, p99 ${fmt(percentile(lat, 99), 1)} ms, max ${fmt(lat[lat.length - 1] ?? Number.NaN, 1)} ms`);
  log(`  replies (chat.postMessage and chat.postEphemeral): ${postCalls.length} for ${uniqueEvents} unique events (${mentionReplies.length} in channel threads, ${mentionThreads.size} distinct threads for ${s.sent.mention} mentions; ${dmReplies.length} in DMs for ${s.sent.dm} DMs); failed calls ${fake.failedCalls.length}`);
  log('  bot RSS:');
  for (const r of s.rss) log(`    ${r.label.padEnd(5)} ${mb(r.kb)}`);
  log(`    +${(settledAfterMs / 1000).toFixed(0)} s idle: ${mb(rssSettled)}`);
  const at = (label: string) => s.rss.find((r) => r.label === label)?.kb ?? Number.NaN;
  const growthFirst = at('50%') - at('0%');
  const growthSecond = at('100%') - at('50%');
  const bound = settleBoundKb(at('50%'));
  log(`  growth: 0->50% ${mb(growthFirst)}, 50->100% ${mb(growthSecond)} (bound ${mb(bound)}), 100%->idle ${mb(rssSettled - at('100%'))}`);
  log('  (RSS is read from /proc, with no forced GC: the bot runs without --expose-gc, so the readings include garbage not yet collected, and V8 keeps heap it has grown into.)');

  check(`soak sent all ${SOAK_REQUESTS} requests`, s.completed === SOAK_REQUESTS && !s.timedOut, `${s.completed} completed`);
  check('every soak response 2xx', non2xx === 0 && s.errors === 0, `non-2xx ${non2xx}, errors ${s.errors}`);
  check('each event answered exactly once (retries not answered again)', postCalls.length === uniqueEvents && mentionThreads.size === s.sent.mention && mentionReplies.length === s.sent.mention && dmReplies.length === s.sent.dm, `${postCalls.length} posts for ${uniqueEvents} unique events (${s.sent.retry} retries)`);
  check('memory settled (RSS growth over the second half of the soak within bound)', growthSecond <= bound, `${mb(growthSecond)} <= ${mb(bound)}`);

  const soakQuestions = s.sent.command + s.sent.mention + s.sent.dm;
  const counted = (await questionsCounted(bot, store.config)) - countedBefore;
  log(`  record store: ${counted} questions counted for the soak's ${soakQuestions} (retries are not questions)`);
  check('the record store counted every soak question', counted === soakQuestions, `${counted} counted, ${soakQuestions} asked`);
}

/**
 * Questions the bot's store has counted, once the bot has written what it holds (its /healthz
 * says nothing is pending; it writes every 5 s). Read as `techlead stats` reads it.
 */
async function questionsCounted(bot: Child, config: StoreConfig): Promise<number> {
  const until = performance.now() + 20_000;
  for (;;) {
    const health = (await (await fetch(`${bot.url}/healthz`, { signal: AbortSignal.timeout(2_000) })).json()) as { store?: { status: string; pending: number } };
    if (health.store?.status === 'ok' && health.store.pending === 0) break;
    if (performance.now() > until) throw new Error(`the bot's record store did not catch up: ${JSON.stringify(health.store)}`);
    await sleep(250);
  }
  const reader = openRecordStore(config, { mustExist: true });
  try {
    await reader.migrate();
    const stats = await reader.stats(new Date(Date.now() - 2 * 86_400_000));
    return stats.days.reduce((n, d) => n + d.questions, 0);
  } finally {
    await reader.close();
  }
}

let exitCode = 0;
try {
  await main();
} catch (err) {
  console.error(`\nbench:load: setup error: ${(err as Error).stack ?? String(err)}`);
  exitCode = 2;
}
await cleanup();
clearTimeout(watchdog);

if (checks.length) {
  log('\n== Checks');
  for (const c of checks) log(`  ${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`);
}
const failed = checks.filter((c) => !c.ok);
if (exitCode === 0 && failed.length) exitCode = 1;
log(`\nbench:load ${exitCode === 0 ? 'PASSED' : `FAILED (${exitCode === 2 ? 'setup error' : failed.map((c) => c.name).join('; ')})`} in ${elapsed()}`);
// The run's figures, dated, beside the other measurements (one file per store), each run added
// after the last: the ratio is noisy, and runs are read together.
const resultsFile = path.join(root, 'docs', 'results', process.env.DATABASE_URL ? 'load-postgres.md' : 'load.md');
mkdirSync(path.dirname(resultsFile), { recursive: true });
if (!existsSync(resultsFile)) {
  writeFileSync(resultsFile, `# Throughput and memory under load${process.env.DATABASE_URL ? ', with PostgreSQL' : ''}\n\nWritten by \`${process.env.DATABASE_URL ? 'DATABASE_URL=… ' : ''}npm run bench:load\`, a run at a time, on a shared 2-core machine: the ratio to a bare Bolt app is noisy, so read several runs.\n`);
}
appendFileSync(resultsFile, `\n## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC\n\n\`\`\`${logged.join('\n')}\n\`\`\`\n`);
process.exit(exitCode);
