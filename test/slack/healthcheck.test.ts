import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type ChildBot, ROOT, spawnBot } from '../support/childBot.js';
import { FakeSlack } from '../support/fakeSlack.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../support/startBot.js';

/** A hang guard: the bot starts in a few seconds. */
jest.setTimeout(20_000);

const HEALTHCHECK_JS = path.join(ROOT, 'dist', 'healthcheck.js');

/** Runs the container's HEALTHCHECK command with `env`; resolves with its exit code. */
function healthcheck(env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    execFile(process.execPath, [HEALTHCHECK_JS], { env: { PATH: process.env.PATH ?? '', ...env } }, (err) => resolve(err ? Number(err.code ?? 1) : 0));
  });
}

let slack: FakeSlack;
let bot: ChildBot;
let port: string;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  // Another loopback address than the one the health check used to assume.
  bot = spawnBot({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url, PORT: '0', HOST: '127.0.0.2', LOG_FORMAT: 'json', WATCH_MANUAL: 'false' });
  port = String((await bot.waitForLog((e) => e.msg === 'listening')).port);
});
afterAll(async () => {
  await bot?.kill();
  await slack?.stop();
});

describe('the container health check (dist/healthcheck.js)', () => {
  it('asks the interface HOST names, and is healthy there', async () => {
    expect(await healthcheck({ PORT: port, HOST: '127.0.0.2' })).toBe(0);
  });

  it('is unhealthy where nothing answers', async () => {
    expect(await healthcheck({ PORT: port, HOST: '127.0.0.1' })).toBe(1);
  });

  it('is healthy in Socket Mode, which has no HTTP server, while the process runs', async () => {
    expect(await healthcheck({ PORT: port, HOST: '127.0.0.1', SLACK_APP_TOKEN: 'xapp-1-test' })).toBe(0);
  });
});
