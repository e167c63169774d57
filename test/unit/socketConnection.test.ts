import { EventEmitter } from 'node:events';
import { describe, expect, it } from '@jest/globals';
import { keepConnected } from '../../src/app/socketConnection.js';
import { createLogger } from '../../src/logger.js';

/** A Socket Mode client whose start() does what each queued outcome says. */
class FakeClient extends EventEmitter {
  starts = 0;
  disconnects = 0;
  async disconnect(): Promise<void> {
    this.disconnects++;
  }
  outcomes: (Error | 'ok')[] = [];
  async start(): Promise<unknown> {
    this.starts++;
    const next = this.outcomes.shift() ?? 'ok';
    if (next !== 'ok') throw next;
    return {};
  }
}

function slackError(error: string): Error {
  return Object.assign(new Error(`An API error occurred: ${error}`), { code: 'slack_webapi_platform_error', data: { ok: false, error } });
}

function logs() {
  const entries: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'debug', format: 'json', write: (line) => entries.push(JSON.parse(line) as Record<string, unknown>) });
  return { entries, logger };
}

const fast = { firstMs: 5, maxMs: 20 };
const until = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('keepConnected (Socket Mode)', () => {
  it('retries the first connection through network and server errors, logging each', async () => {
    const client = new FakeClient();
    client.outcomes = [Object.assign(new Error('socket hang up'), { code: 'slack_webapi_request_error' }), Object.assign(new Error('503'), { statusCode: 503 }), 'ok'];
    const { entries, logger } = logs();
    const socket = keepConnected(client, logger, fast);

    await socket.connect();
    expect(client.starts).toBe(3);
    expect(entries.filter((e) => e.msg === 'cannot connect to Slack (Socket Mode); will try again').map((e) => e.attempts)).toEqual([1, 2]);
    socket.stop();
  });

  it('fails the first connection at once when Slack refuses the app token', async () => {
    const client = new FakeClient();
    client.outcomes = [slackError('invalid_auth')];
    const socket = keepConnected(client, logs().logger, fast);

    await expect(socket.connect()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    await new Promise((r) => setTimeout(r, 50));
    expect(client.starts).toBe(1);
  });

  it('reopens a closed connection, retrying until it can, and keeps the delay within its cap', async () => {
    const client = new FakeClient();
    const { entries, logger } = logs();
    const socket = keepConnected(client, logger, fast);
    await socket.connect();

    // After connecting, even a refused token is logged as an error and retried, not fatal: a bot
    // that exits stays down until someone restarts it, and one that retries recovers by itself.
    client.outcomes = [new Error('503'), slackError('invalid_auth'), new Error('503'), new Error('503'), 'ok'];
    client.emit('disconnected');
    await until(() => entries.some((e) => e.msg === 'reconnected to Slack'));
    expect(client.starts).toBe(6);
    const delays = entries.filter((e) => e.retryInMs !== undefined).map((e) => e.retryInMs);
    expect(delays).toEqual([5, 10, 20, 20]);
    expect(entries.find((e) => e.slackError === 'invalid_auth')?.level).toBe('error');
    socket.stop();
  });

  it('closes a connection that opens after it was stopped (a shutdown during an attempt)', async () => {
    const client = new FakeClient();
    const socket = keepConnected(client, logs().logger, fast);
    await socket.connect();

    let open: (() => void) | undefined;
    client.start = async () => {
      client.starts++;
      await new Promise<void>((r) => (open = r));
      return {};
    };
    client.emit('disconnected');
    await until(() => open !== undefined);
    socket.stop();
    open!();
    await until(() => client.disconnects === 1);
    expect(client.starts).toBe(2);
  });

  it('does not reconnect once stopped (the app is shutting down)', async () => {
    const client = new FakeClient();
    const socket = keepConnected(client, logs().logger, fast);
    await socket.connect();
    socket.stop();

    client.emit('disconnected');
    await new Promise((r) => setTimeout(r, 50));
    expect(client.starts).toBe(1);
  });

  it('retries when the client rejects with no error at all (a connection closed before hello)', async () => {
    const client = new FakeClient();
    const { entries, logger } = logs();
    const socket = keepConnected(client, logger, fast);
    await socket.connect();

    const start = client.start.bind(client);
    client.start = async () => {
      if (client.starts === 1) {
        client.starts++;
        // What @slack/socket-mode 3.1 does: its disconnected handler rejects start() with undefined.
        return Promise.reject(undefined);
      }
      return start();
    };
    client.emit('disconnected');
    await until(() => entries.some((e) => e.msg === 'reconnected to Slack'));
    expect(client.starts).toBe(3);
    expect(entries.find((e) => e.retryInMs !== undefined)?.error).toBe('the connection closed before Slack said hello');
    socket.stop();
  });

  it('ignores a disconnect during an attempt: the attempt itself fails and is retried once', async () => {
    const client = new FakeClient();
    const socket = keepConnected(client, logs().logger, fast);
    await socket.connect();

    let release: (() => void) | undefined;
    client.start = async () => {
      client.starts++;
      if (client.starts === 2) {
        client.emit('disconnected');
        await new Promise<void>((r) => (release = r));
        throw undefined;
      }
      return {};
    };
    client.emit('disconnected');
    await until(() => release !== undefined);
    release!();
    await until(() => client.starts === 3);
    await new Promise((r) => setTimeout(r, 50));
    expect(client.starts).toBe(3);
    socket.stop();
  });
});
