import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A call the bot made to the fake Slack Web API. */
export interface RecordedCall {
  method: string;
  /** Form or JSON arguments, with JSON-encoded fields (blocks) decoded. */
  args: Record<string, unknown>;
  headers: IncomingMessage['headers'];
}

/** How the fake answers the next calls of a method: a status code (and headers), then ok again. */
export interface Failure {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A fixed answer for a method, or one computed from the call's arguments. */
export type Answer = Record<string, unknown> | ((args: Record<string, unknown>) => Record<string, unknown>);

/**
 * A Slack Web API on 127.0.0.1 that records every call and answers like Slack: `auth.test` with
 * the bot's ids, `chat.postMessage` with a ts, anything else `{ ok: true }` (or what `answer()`
 * set). Failures can be queued per method (500s, 429 with Retry-After) to test how the bot copes;
 * calls answered with a queued failure are kept apart, in `failedCalls`. It also serves as a
 * response_url target: a POST to `${responseUrlBase}xyz` is recorded as method `response/xyz`.
 */
export class FakeSlack {
  /** Calls that were answered successfully. */
  readonly calls: RecordedCall[] = [];
  /** Calls that were answered with a queued failure. */
  readonly failedCalls: RecordedCall[] = [];
  private readonly failures = new Map<string, Failure[]>();
  private readonly answers = new Map<string, Answer>();
  private server: Server | undefined;
  private waiters: { method: string; count: number; resolve: () => void }[] = [];
  url = '';

  static readonly BOT_USER_ID = 'UBOT0001';
  static readonly BOT_ID = 'BBOT0001';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const method = FakeSlack.methodOf(req.url ?? '');
        const failure = this.failures.get(method)?.shift();
        const text = Buffer.concat(chunks).toString();
        const args = FakeSlack.parseArgs(text, req.headers['content-type'] ?? '');
        if (failure) {
          this.failedCalls.push({ method, args, headers: req.headers });
          res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
          res.end(JSON.stringify(failure.body ?? { ok: false, error: 'fake_failure' }));
          return;
        }
        this.record({ method, args, headers: req.headers });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(this.answerFor(method, args)));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
    return this;
  }

  /** Base URL for response_url targets. */
  get responseUrlBase(): string {
    return this.url.replace(/\/api\/$/, '/response/');
  }

  /** `/api/chat.postMessage?x` -> `chat.postMessage`; `/response/xyz` -> `response/xyz`. */
  private static methodOf(url: string): string {
    const path = url.replace(/\?.*$/, '');
    return path.startsWith('/api/') ? path.slice('/api/'.length) : path.replace(/^\/+/, '');
  }

  private static parseArgs(text: string, contentType: string): Record<string, unknown> {
    if (contentType.includes('json')) {
      try {
        return JSON.parse(text) as Record<string, unknown>;
      } catch {
        return { raw: text };
      }
    }
    const args: Record<string, unknown> = {};
    for (const [k, v] of new URLSearchParams(text)) {
      try {
        args[k] = k === 'blocks' || k === 'attachments' ? JSON.parse(v) : v;
      } catch {
        args[k] = v;
      }
    }
    return args;
  }

  private answerFor(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const custom = this.answers.get(method);
    if (custom) return typeof custom === 'function' ? custom(args) : custom;
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://govuk.slack.com/', team: 'GOV.UK', user: 'techlead', team_id: 'T0000001', user_id: FakeSlack.BOT_USER_ID, bot_id: FakeSlack.BOT_ID };
      case 'chat.postMessage':
        return { ok: true, channel: typeof args.channel === 'string' ? args.channel : 'C1', ts: `${(Date.now() / 1000).toFixed(6)}` };
      default:
        return { ok: true };
    }
  }

  private record(call: RecordedCall) {
    this.calls.push(call);
    for (const w of this.waiters) if (this.callsTo(w.method).length >= w.count) w.resolve();
    this.waiters = this.waiters.filter((w) => this.callsTo(w.method).length < w.count);
  }

  /** Makes the next `times` calls to `method` fail this way. */
  fail(method: string, failure: Failure, times = 1): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(failure);
    this.failures.set(method, list);
  }

  /** Answers every successful call to `method` with this (e.g. `apps.connections.open` with a WebSocket URL). */
  answer(method: string, answer: Answer): void {
    this.answers.set(method, answer);
  }

  /** Failures queued for `method` that have not been used yet. */
  pendingFailures(method: string): number {
    return this.failures.get(method)?.length ?? 0;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  failedCallsTo(method: string): RecordedCall[] {
    return this.failedCalls.filter((c) => c.method === method);
  }

  /** Resolves once `count` successful calls to `method` have been recorded, or rejects after `timeoutMs`. */
  waitFor(method: string, count = 1, timeoutMs = 5000): Promise<RecordedCall[]> {
    if (this.callsTo(method).length >= count) return Promise.resolve(this.callsTo(method));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${count} ${method} call(s); got ${this.callsTo(method).length}`)), timeoutMs);
      this.waiters.push({ method, count, resolve: () => { clearTimeout(timer); resolve(this.callsTo(method)); } });
    });
  }

  /** Forgets calls, queued failures and custom answers (between tests). */
  reset(): void {
    this.calls.length = 0;
    this.failedCalls.length = 0;
    this.failures.clear();
    this.answers.clear();
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
