import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Block } from '../../src/slack/blocks.js';
import { FakeSlack } from '../support/fakeSlack.js';
import { SMALL_MANUAL } from '../support/listenerDeps.js';
import { eventBody } from '../support/signedRequest.js';
import { blockKitViolations } from '../support/slackMessage.js';
import { type RunningBot, startBot } from '../support/startBot.js';
import { linkSharedEvent } from '../support/surfacePayloads.js';

const MANUAL = 'https://docs.publishing.service.gov.uk/manual';
const SECTION = `${MANUAL}/deploying.html#roll-back-a-release`;
const PAGE = `${MANUAL}/on-call.html`;
const MISSING = `${MANUAL}/no-such-page.html`;

let slack: FakeSlack;
let bot: RunningBot;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  bot = await startBot(slack.url, { MANUAL_DIR: SMALL_MANUAL });
});
beforeEach(() => slack.reset());
afterAll(async () => {
  await bot.stop();
  await slack.stop();
});

type Unfurls = Record<string, { blocks: Block[]; fallback: string }>;

/** The `unfurls` argument of a chat.unfurl call (sent form-encoded, as JSON). */
function unfurlsOf(args: Record<string, unknown>): Unfurls {
  return (typeof args.unfurls === 'string' ? JSON.parse(args.unfurls) : args.unfurls) as Unfurls;
}

function textOf(blocks: Block[]): string {
  return blocks.map((b) => (b.type === 'section' ? b.text.text : b.type === 'context' ? b.elements.map((e) => e.text).join(' ') : '')).join('\n');
}

/**
 * Sends link_shared for `urls` in C0FIRST, then a marker event that is unfurled, and returns the
 * chat.unfurl calls for C0FIRST once the marker's has been made: so "no call" is not "not yet".
 */
async function shareThenMarker(urls: string[]): Promise<Record<string, unknown>[]> {
  await bot.post(eventBody(linkSharedEvent(urls, { channel: 'C0FIRST' })));
  await bot.post(eventBody(linkSharedEvent([SECTION], { channel: 'C0MARKER' })));
  const deadline = Date.now() + 5000;
  while (!slack.callsTo('chat.unfurl').some((c) => c.args.channel === 'C0MARKER')) {
    if (Date.now() > deadline) throw new Error('the marker link was not unfurled');
    await new Promise((r) => setTimeout(r, 10));
  }
  return slack.callsTo('chat.unfurl').filter((c) => c.args.channel === 'C0FIRST').map((c) => c.args);
}

describe('links to the manual, unfurled', () => {
  it('shows a section: its heading linked, its first paragraph, its page and owner', async () => {
    const event = linkSharedEvent([SECTION]);
    expect((await bot.post(eventBody(event))).status).toBe(200);
    const [call] = await slack.waitFor('chat.unfurl');
    expect(call!.args).toMatchObject({ channel: 'C0TECHLEAD', ts: event.message_ts });
    const unfurls = unfurlsOf(call!.args);
    expect(Object.keys(unfurls)).toEqual([SECTION]);
    const { blocks, fallback } = unfurls[SECTION]!;
    const text = textOf(blocks);
    expect(text).toContain(`*<${SECTION}|Roll back a release>*`);
    expect(text).toContain('If a release breaks something, roll back to the previous release from the release tool');
    expect(text).toContain('From *Deploying an application*');
    expect(text).toContain('Owned by #fixture-platform');
    expect(fallback).toContain('Roll back a release');
    expect(blockKitViolations({ text: fallback, blocks })).toEqual([]);
  });

  it('shows a page: its title linked, its intro and what is on it', async () => {
    await bot.post(eventBody(linkSharedEvent([PAGE])));
    const [call] = await slack.waitFor('chat.unfurl');
    const text = textOf(unfurlsOf(call!.args)[PAGE]!.blocks);
    expect(text).toContain(`*<${PAGE}|Being on call>*`);
    expect(text).toContain('Developers take turns to be on call out of hours.');
    expect(text).toContain('On this page: Who is on call · Hand over at the end of a shift');
    expect(text).toContain('Owned by #fixture-on-call');
  });

  it('leaves a link to a page the manual does not have, and other sites, alone: no call at all', async () => {
    const first = await shareThenMarker([MISSING, 'https://www.gov.uk/guidance/x', `${MANUAL}.html`]);
    expect(first).toEqual([]);
    expect(bot.logs.some((e) => e.msg === 'links shared' && e.links === 3 && e.unfurled === 0)).toBe(true);
  });

  it('unfurls a mix of links in one message with one call, keyed by the links exactly as Slack sent them', async () => {
    const variants = [
      `http://docs.publishing.service.gov.uk/manual/deploying.html#deploy-freezes`,
      `https://www.docs.publishing.service.gov.uk/manual/on-call.html/?utm_source=slack`,
      `https://docs.publishing.service.gov.uk/manual/on-call#who-is-on-call`,
    ];
    const urls = [SECTION, PAGE, MISSING, 'https://github.com/alphagov/govuk-developer-docs', ...variants, SECTION];
    const event = linkSharedEvent(urls);
    await bot.post(eventBody(event));
    const [call] = await slack.waitFor('chat.unfurl');
    await new Promise((r) => setTimeout(r, 100));
    expect(slack.callsTo('chat.unfurl')).toHaveLength(1);
    const unfurls = unfurlsOf(call!.args);
    expect(Object.keys(unfurls).sort()).toEqual([SECTION, PAGE, ...variants].sort());
    expect(textOf(unfurls[variants[0]!]!.blocks)).toContain('|Deploy freezes>*');
    expect(textOf(unfurls[variants[1]!]!.blocks)).toContain('|Being on call>*');
    expect(textOf(unfurls[variants[2]!]!.blocks)).toContain('|Who is on call>*');
  });

  it('unfurls a link still in the composer by its unfurl_id', async () => {
    const event = linkSharedEvent([SECTION], { composer: true });
    await bot.post(eventBody(event));
    const [call] = await slack.waitFor('chat.unfurl');
    expect(call!.args).toMatchObject({ unfurl_id: event.unfurl_id, source: 'composer' });
    expect(call!.args.channel).toBeUndefined();
  });

  it('logs a failed chat.unfurl and keeps unfurling', async () => {
    slack.fail('chat.unfurl', { status: 200, body: { ok: false, error: 'cannot_unfurl_url' } });
    await bot.post(eventBody(linkSharedEvent([SECTION])));
    await bot.waitForLog((e) => e.msg === 'could not unfurl links to the manual' && e.slackError === 'cannot_unfurl_url');
    await bot.post(eventBody(linkSharedEvent([PAGE])));
    const [call] = await slack.waitFor('chat.unfurl');
    expect(Object.keys(unfurlsOf(call!.args))).toEqual([PAGE]);
  });

  it('unfurls a retried event once, and not the bot’s own messages', async () => {
    const body = eventBody(linkSharedEvent([SECTION], { channel: 'C0RETRY' }));
    await bot.post(body);
    await bot.post(body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    await bot.post(eventBody(linkSharedEvent([SECTION], { channel: 'C0BOT', user: FakeSlack.BOT_USER_ID })));
    const marker = await shareThenMarker([]);
    expect(marker).toEqual([]);
    expect(slack.callsTo('chat.unfurl').map((c) => c.args.channel)).toEqual(['C0RETRY', 'C0MARKER']);
  });
});
