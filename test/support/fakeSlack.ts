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

/**
 * A Slack Web API on 127.0.0.1 that records every call and answers like Slack: `auth.test` with
 * the bot's ids, `chat.postMessage` with a ts, anything else `{ ok: true }`. Failures can be
 * queued per method (500s, 429 with Retry-After) to test how the bot copes. It also serves as a
 * response_url target at /response/*.
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  private readonly failures = new Map<string, Failure[]>();
  private server: Server | undefined;
  private waiters: { method: string; count: number; resolve: () => void }[] = [];
  url = '';

  static readonly BOT_USER_ID = 'UBOT0001';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const method = (req.url ?? '').replace(/^\/api\//, '').replace(/\?.*$/, '');
        const failure = this.failures.get(method)?.shift();
        const text = Buffer.concat(chunks).toString();
        if (failure) {
          this.record(method, text, req, true);
          res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
          res.end(JSON.stringify(failure.body ?? { ok: false, error: 'fake_failure' }));
          return;
        }
        this.record(method, text, req, false);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(this.answer(method)));
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

  private answer(method: string): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://govuk.slack.com/', team: 'GOV.UK', user: 'techlead', team_id: 'T0000001', user_id: FakeSlack.BOT_USER_ID, bot_id: 'BBOT0001' };
      case 'chat.postMessage':
        return { ok: true, channel: 'C1', ts: `${Date.now() / 1000}` };
      default:
        return { ok: true };
    }
  }

  private record(method: string, text: string, req: IncomingMessage, failed: boolean) {
    if (failed) return;
    let args: Record<string, unknown> = {};
    const type = req.headers['content-type'] ?? '';
    if (type.includes('json')) {
      try {
        args = JSON.parse(text) as Record<string, unknown>;
      } catch {
        args = { raw: text };
      }
    } else {
      for (const [k, v] of new URLSearchParams(text)) {
        try {
          args[k] = k === 'blocks' || k === 'attachments' ? JSON.parse(v) : v;
        } catch {
          args[k] = v;
        }
      }
    }
    this.calls.push({ method, args, headers: req.headers });
    for (const w of this.waiters) if (this.callsTo(w.method).length >= w.count) w.resolve();
    this.waiters = this.waiters.filter((w) => this.callsTo(w.method).length < w.count);
  }

  /** Makes the next `times` calls to `method` fail this way. */
  fail(method: string, failure: Failure, times = 1): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(failure);
    this.failures.set(method, list);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves once `count` successful calls to `method` have been recorded, or rejects after `timeoutMs`. */
  waitFor(method: string, count = 1, timeoutMs = 5000): Promise<RecordedCall[]> {
    if (this.callsTo(method).length >= count) return Promise.resolve(this.callsTo(method));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${count} ${method} call(s); got ${this.callsTo(method).length}`)), timeoutMs);
      this.waiters.push({ method, count, resolve: () => { clearTimeout(timer); resolve(this.callsTo(method)); } });
    });
  }

  reset(): void {
    this.calls.length = 0;
    this.failures.clear();
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
