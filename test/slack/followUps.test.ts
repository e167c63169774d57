import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { runCli } from '../../src/cli/cli.js';
import type { GapsJson } from '../../src/report/gapsReport.js';
import { ASK_OWNERS, decodeAskOwners, decodeFeedback, FEEDBACK_HELPFUL, FEEDBACK_NOT_HELPFUL } from '../../src/slack/followUps.js';
import { SQLITE_FILE, SqliteStore } from '../../src/store/sqliteStore.js';
import { FakeSlack } from '../support/fakeSlack.js';
import { SMALL_MANUAL } from '../support/listenerDeps.js';
import { actionBody, blockActionsPayload, commandBody, eventBody, freshTs, mentionEvent, messageEvent } from '../support/signedRequest.js';
import { allText, asMessage, blockKitViolations, buttonOf, headerOf, type SlackMessage, sectionButtonsOf } from '../support/slackMessage.js';
import { type RunningBot, startBot } from '../support/startBot.js';

/**
 * Feedback and asking a page's owners, end to end: the real app over HTTP, signed requests, a
 * fake Slack; the small fixture manual (pages owned by #fixture-platform and #fixture-on-call).
 */
let slack: FakeSlack;
let bot: RunningBot;
let dataDir: string;

const CHANNELS = [
  { id: 'C0PLATFORM', name: 'fixture-platform' },
  { id: 'C0ONCALL', name: 'fixture-on-call' },
  { id: 'C0DEVS', name: 'govuk-developers' },
];
const ASKER = 'U0000042';

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'techlead-followups-'));
  slack = await new FakeSlack().start();
  bot = await startBot(slack.url, { MANUAL_DIR: SMALL_MANUAL, DATA_DIR: dataDir });
});
beforeEach(() => {
  slack.reset();
  slack.answer('conversations.list', { ok: true, channels: CHANNELS, response_metadata: { next_cursor: '' } });
  slack.answer('chat.getPermalink', (args) => ({ ok: true, permalink: `https://govuk.slack.com/archives/${String(args.channel)}/p${String(args.message_ts).replace('.', '')}` }));
});
afterAll(async () => {
  await bot?.stop();
  await slack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function command(text: string): Promise<SlackMessage> {
  const res = await bot.post(commandBody(text));
  expect(res.status).toBe(200);
  return asMessage(res.json);
}

/** Clicks a button in a channel message, as `user`; resolves with what was posted to the click's response URL. */
async function click(button: { action_id: string; value: string }, opts: { user?: string; messageTs?: string; channel?: string } = {}) {
  const hook = `hook-${freshTs().replace('.', '')}`;
  const payload = blockActionsPayload({ value: button.value, actionId: button.action_id, channel: opts.channel ?? 'C0TECHLEAD', messageTs: opts.messageTs ?? freshTs(), responseUrl: `${slack.responseUrlBase}${hook}` });
  if (opts.user) payload.user = { id: opts.user, username: 'sam', name: 'sam', team_id: 'T0000001' };
  expect((await bot.post(actionBody(payload))).status).toBe(200);
  const [reply] = await slack.waitFor(`response/${hook}`);
  return asMessage(reply!.args);
}

function feedbackButtons(message: SlackMessage) {
  const helpful = buttonOf(message, FEEDBACK_HELPFUL);
  const notHelpful = buttonOf(message, FEEDBACK_NOT_HELPFUL);
  if (!helpful || !notHelpful) throw new Error(`no feedback buttons in ${JSON.stringify(message.blocks.map((b) => b.type))}`);
  return { helpful, notHelpful };
}

describe('every answer carries Helpful and Not helpful', () => {
  it('under a slash command’s answer, a page answer and a section chosen from a button', async () => {
    const section = await command('roll back with the release tool');
    expect(headerOf(section)).toBe('Roll back a release');
    expect(decodeFeedback(feedbackButtons(section).helpful.value)).toEqual({ q: 'roll back with the release tool', s: 'https://docs.publishing.service.gov.uk/manual/deploying.html#roll-back-a-release' });
    expect(blockKitViolations(section)).toEqual([]);

    // "release tool" is in two sections of one page: the page answers, a button a section.
    const page = await command('release tool');
    expect(headerOf(page)).toBe('Deploying an application');
    expect(decodeFeedback(feedbackButtons(page).helpful.value)?.s).toBe('https://docs.publishing.service.gov.uk/manual/deploying.html');

    const also = sectionButtonsOf(page).find((b) => b.text.text === 'Deploy to production');
    const hook = 'chosen';
    await bot.post(actionBody(blockActionsPayload({ value: also!.value, actionId: also!.action_id, channel: 'C0TECHLEAD', responseUrl: `${slack.responseUrlBase}${hook}` })));
    const [posted] = await slack.waitFor(`response/${hook}`);
    const chosen = asMessage(posted!.args);
    expect(headerOf(chosen)).toBe('Deploy to production');
    expect(decodeFeedback(feedbackButtons(chosen).notHelpful.value)).toEqual({ q: 'release tool', s: 'https://docs.publishing.service.gov.uk/manual/deploying.html#deploy-to-production' });
  });

  it('under the answer to a mention and to a direct message', async () => {
    await bot.post(eventBody(mentionEvent(`<@${FakeSlack.BOT_USER_ID}> deploy freezes`)));
    await bot.post(eventBody(messageEvent('who is on call')));
    const posts = await slack.waitFor('chat.postMessage', 2);
    for (const post of posts) expect(decodeFeedback(feedbackButtons(asMessage(post.args)).helpful.value)?.q).toMatch(/deploy freezes|who is on call/);
  });
});

describe('clicking them', () => {
  it('"Helpful" thanks the clicker alone', async () => {
    const reply = await click(feedbackButtons(await command('release tool')).helpful);
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(reply.text).toContain('glad it helped');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('"Not helpful" offers to ask the page’s owners, which posts the question to their channel once, however often it is clicked', async () => {
    const answer = await command('deploy freezes on bank holidays?');
    const messageTs = freshTs();
    const reply = await click(feedbackButtons(answer).notHelpful, { messageTs });
    expect(reply.response_type).toBe('ephemeral');
    const ask = buttonOf(reply, ASK_OWNERS)!;
    expect(ask.text.text).toBe('Ask #fixture-platform');
    expect(decodeAskOwners(ask.value)).toMatchObject({ r: 'unhelpful', p: 'https://docs.publishing.service.gov.uk/manual/deploying.html' });

    // The asker clicks "Ask" three times (the reply is a message of its own).
    const replyTs = freshTs();
    const first = await click(ask, { messageTs: replyTs });
    const again = await Promise.all([click(ask, { messageTs: replyTs }), click(ask, { messageTs: replyTs })]);
    const posts = slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.args.channel).toBe('C0PLATFORM');
    const question = allText(asMessage(posts[0]!.args));
    expect(question).toContain('deploy freezes on bank holidays?');
    expect(question).toContain(`<@${ASKER}>`);
    expect(question).toContain('<https://docs.publishing.service.gov.uk/manual/deploying.html|Deploying an application>');
    expect(question).toContain('the answer they got did not help');
    const permalink = `https://govuk.slack.com/archives/C0PLATFORM/p${String(slack.callsTo('chat.getPermalink')[0]!.args.message_ts).replace('.', '')}`;
    expect(first.text).toContain(`<#C0PLATFORM|fixture-platform>: <${permalink}|see it there>`);
    for (const r of again) expect(r.text).toMatch(/already (posted|posting) your question/);
  });

  it('"Ask" under a reply that does not answer sends the question to the default owner channel when no page is close', async () => {
    const declined = await command('how do I book annual leave?');
    expect(declined.response_type).toBe('ephemeral');
    const reply = await click(buttonOf(declined, ASK_OWNERS)!);
    const [post] = slack.callsTo('chat.postMessage');
    expect(post!.args.channel).toBe('C0DEVS');
    expect(allText(asMessage(post!.args))).toContain('the manual had no section on it');
    expect(reply.text).toContain('<#C0DEVS|govuk-developers>');
  });

  it('"Ask" says so to the asker when the bot is not in the owners’ channel', async () => {
    slack.fail('chat.postMessage', { status: 200, body: { ok: false, error: 'not_in_channel' } });
    const declined = await command('how do I book annual leave?');
    const reply = await click(buttonOf(declined, ASK_OWNERS)!);
    expect(reply.text).toContain("I can't post in #govuk-developers: I'm not a member of it");
    expect(bot.logs.some((l) => l.msg === "cannot ask a page's owners: the bot is not in their channel" && l.slackError === 'not_in_channel')).toBe(true);
  });

  it('never lets the question ping anyone in the owners’ channel', async () => {
    const declined = await command('<!channel> <!here> @here <@U0BOSS> how do I book annual leave?');
    await click(buttonOf(declined, ASK_OWNERS)!);
    const [post] = slack.callsTo('chat.postMessage');
    const sent = JSON.stringify(post!.args);
    expect(sent).not.toMatch(/<!channel>|<!here>|<@U0BOSS>/);
    expect(allText(asMessage(post!.args))).toContain('@\u200bhere how do I book annual leave?');
  });
});

describe('what is kept', () => {
  it('feeds the gaps report the bot’s store, and keeps no Slack user, channel or mention', async () => {
    await command('what is the wifi password <@U0SECRET>');
    await command('what is the wifi password');
    expect(await bot.deps.records.flush()).toBe(true);

    const stdout = new PassThrough();
    const chunks: Buffer[] = [];
    stdout.on('data', (c: Buffer) => chunks.push(c));
    expect(await runCli(['gaps', '--json'], { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: { DATA_DIR: dataDir } })).toBe(0);
    const report = JSON.parse(Buffer.concat(chunks).toString()) as GapsJson;
    expect(report.questions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ question: 'what is the wifi password', reason: 'declined', count: 2, owner: '#govuk-developers', page: null }),
        expect.objectContaining({ question: 'deploy freezes on bank holidays?', reason: 'unhelpful', owner: '#fixture-platform', page: 'Deploying an application' }),
        expect.objectContaining({ question: 'how do I book annual leave?', reason: 'declined' }),
      ]),
    );
    // Answered questions are counted, never kept as text.
    expect(report.questions.map((q) => q.question)).not.toContain('release tool');

    const db = new Database(path.join(dataDir, SQLITE_FILE), { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
      const everything = JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM "${t.name}"`).all()));
      for (const secret of [ASKER, 'U0000043', 'C0TECHLEAD', 'D0000042', 'U0SECRET', '<@', 'release tool', 'alex']) expect(everything).not.toContain(secret);
    } finally {
      db.close();
    }
  });
});

describe('retention', () => {
  it('deletes questions and votes older than RETENTION_DAYS when the bot starts', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'techlead-retention-'));
    const store = new SqliteStore(path.join(dir, SQLITE_FILE));
    await store.migrate();
    const at = (days: number) => new Date(Date.now() - days * 86_400_000);
    await store.write({
      counts: [],
      gaps: [{ question: 'asked last month', reason: 'declined', owner: '#govuk-developers', at: at(31) }, { question: 'asked last week', reason: 'declined', owner: '#govuk-developers', at: at(7) }],
      votes: [{ key: 'old', helpful: true, section: 'https://x/a.html#b', page: { url: 'https://x/a.html', title: 'A' }, owner: '#a', at: at(31) }],
    });
    await store.close();
    const other = await startBot(slack.url, { MANUAL_DIR: SMALL_MANUAL, DATA_DIR: dir, RETENTION_DAYS: '30' });
    try {
      const purged = await other.waitForLog((l) => l.msg === 'deleted records past their retention period');
      expect(purged).toMatchObject({ gaps: 1, votes: 1, retentionDays: 30 });
      const left = await other.deps.records.store.gaps(at(365));
      expect(left.map((g) => g.question)).toEqual(['asked last week']);
    } finally {
      await other.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
