import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { type ChildBot, spawnBot } from '../support/childBot.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../support/startBot.js';

/** A hang guard for the child processes, not a performance assertion. */
jest.setTimeout(15_000);

let bot: ChildBot | undefined;
afterEach(async () => {
  await bot?.kill();
  bot = undefined;
});

/** Runs the built app with `env` and waits for it to exit. */
async function run(env: Record<string, string>) {
  bot = spawnBot({ HOST: '127.0.0.1', PORT: '0', LOG_FORMAT: 'json', ...env });
  const { code } = await bot.exited;
  return { code, stderr: bot.stderr(), stdout: bot.stdout() };
}

/** A stack trace line, as Node prints them: "    at fn (file:line:col)". */
const STACK_LINE = /^\s+at\s/m;

describe('start-up configuration', () => {
  it('refuses to start without SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET: exit 1, both named, no stack trace', async () => {
    const { code, stderr } = await run({});

    expect(code).toBe(1);
    expect(stderr).toContain('SLACK_BOT_TOKEN');
    expect(stderr).toContain('SLACK_SIGNING_SECRET');
    expect(stderr).toContain('.env.example');
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it.each([
    ['SLACK_BOT_TOKEN', { SLACK_SIGNING_SECRET: SIGNING_SECRET }, 'SLACK_SIGNING_SECRET'],
    ['SLACK_SIGNING_SECRET', { SLACK_BOT_TOKEN: BOT_TOKEN }, 'SLACK_BOT_TOKEN'],
  ])('names %s alone when only it is missing', async (missing, env, present) => {
    const { code, stderr } = await run(env);

    expect(code).toBe(1);
    expect(stderr).toContain(missing);
    expect(stderr).not.toContain(present);
    expect(stderr).toContain('.env.example');
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it('treats a variable set to blanks as missing', async () => {
    const { code, stderr } = await run({ SLACK_BOT_TOKEN: '   ', SLACK_SIGNING_SECRET: '' });
    expect(code).toBe(1);
    expect(stderr).toContain('SLACK_BOT_TOKEN');
    expect(stderr).toContain('SLACK_SIGNING_SECRET');
  });

  it('reports every bad value at once, each by name, without echoing the token', async () => {
    const userToken = 'xoxp-1234-not-a-bot-token';
    const { code, stderr } = await run({ SLACK_BOT_TOKEN: userToken, SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: 'eighty', LOG_LEVEL: 'loud', SLACK_API_URL: 'not a url' });

    expect(code).toBe(1);
    for (const name of ['SLACK_BOT_TOKEN', 'PORT', 'LOG_LEVEL', 'SLACK_API_URL']) expect(stderr).toContain(name);
    expect(stderr).not.toContain(userToken);
    expect(stderr).not.toContain(SIGNING_SECRET);
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it('exits 1 with a logged reason when the manual folder does not exist', async () => {
    const { code, stdout, stderr } = await run({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: 'http://127.0.0.1:9/api/', MANUAL_DIR: '/nonexistent/techlead-manual' });

    expect(code).toBe(1);
    const entries = stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries.some((e) => e.level === 'error' && e.msg === 'cannot load the manual')).toBe(true);
    expect(stderr).not.toMatch(STACK_LINE);
  });
});
