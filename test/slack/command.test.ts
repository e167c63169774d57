import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FakeSlack } from '../support/fakeSlack.js';
import { commandBody } from '../support/signedRequest.js';
import {
  allText,
  asMessage,
  blockKitViolations,
  blockTextLength,
  buttonsOf,
  footerOf,
  headerOf,
  type SlackMessage,
  tempManual,
} from '../support/slackMessage.js';
import { type RunningBot, startBot, useBot } from '../support/startBot.js';

const PAGE_URL = 'https://docs.publishing.service.gov.uk/manual/tech-lead-responsibilities.html';
const TOPICS = ['Managing leavers', 'Onboarding new team members', 'Attending tech lead stand up and writing the weeknote'];

let slack: FakeSlack;
let bot: RunningBot;

useBot((s, b) => {
  slack = s;
  bot = b;
});

async function command(text: string, extra: Record<string, string> = {}): Promise<SlackMessage> {
  const res = await bot.post(commandBody(text, extra));
  expect(res.status).toBe(200);
  return asMessage(res.json);
}

describe('/techlead QUESTION', () => {
  it('answers "leavers" in the ack, visible to the channel, with the section, its links and a footer', async () => {
    const reply = await command('leavers');

    expect(reply.response_type).toBe('in_channel');
    expect(reply.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Managing leavers', emoji: false } });
    const text = allText(reply);
    expect(text).toContain('<https://github.com/alphagov/govuk-user-reviewer|user reviewer>');
    expect(text).toContain('<https://github.com/alphagov/govuk-user-reviewer/pull/542|sample pr>');
    expect(text).toMatch(/<https:\/\/trello\.com\/c\/IQIV54Pc\/378-leaver\|leaver.s trello card>/);
    const footer = footerOf(reply);
    expect(footer).toContain(`${PAGE_URL}#managing-leavers`);
    expect(footer).toContain('#govuk-tech-leads');
    // The plain-text fallback (notifications, screen readers) names the section too.
    expect(reply.text).toContain('Managing leavers');
    expect(reply.text).toContain(`${PAGE_URL}#managing-leavers`);
    expect(blockKitViolations(reply)).toEqual([]);
  });

  it('makes no call to the Web API: the answer travels in the ack', async () => {
    await command('leavers');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('answers under any command name the app is installed as', async () => {
    const reply = await command('leavers', { command: '/techlead-dev' });
    expect(headerOf(reply)).toBe('Managing leavers');
  });

  it.each([
    ['no text', ''],
    ['"help"', 'help'],
    ['"HELP" with spaces', '  HELP  '],
  ])('shows help, only to the person asking, for %s', async (_name, text) => {
    const reply = await command(text);

    expect(reply.response_type).toBe('ephemeral');
    const all = allText(reply);
    expect(all).toContain('/techlead leavers');
    for (const topic of TOPICS) expect(all).toContain(topic);
    expect(headerOf(reply)).toBeUndefined();
    expect(blockKitViolations(reply)).toEqual([]);
  });

  it.each([
    ['an unrelated question', 'how do I book annual leave?'],
    ['nonsense', 'zzqx qwfp vvkj'],
  ])('says there is no section, only to the person asking, for %s', async (_name, text) => {
    const reply = await command(text);

    expect(reply.response_type).toBe('ephemeral');
    expect(allText(reply)).toContain("I don't have a section");
    for (const topic of TOPICS) expect(allText(reply)).toContain(topic);
    // Never a section answer: no header, no section or feedback buttons, no "Open in the manual"
    // footer; only the offer to ask a person (with nothing close, the default owner channel).
    expect(headerOf(reply)).toBeUndefined();
    expect(buttonsOf(reply).map((b) => [b.action_id, b.text.text])).toEqual([['ask_owners', 'Ask #govuk-developers']]);
    expect(allText(reply)).not.toContain('Open in the GOV.UK developer manual');
    expect(blockKitViolations(reply)).toEqual([]);
  });

  it('keeps every answer in the shipped manual within Block Kit limits', async () => {
    for (const question of ['leavers', 'onboarding', 'weeknote', 'incident reviews', 'technical blockers', 'health of your team', 'tech lead', 'writing up work', 'good practice']) {
      const reply = await command(question);
      expect({ question, problems: blockKitViolations(reply) }).toEqual({ question, problems: [] });
    }
  });
});

describe('/techlead with a very long section', () => {
  let longBot: RunningBot;
  let manual: { dir: string; remove: () => void };

  beforeAll(async () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) =>
      `Paragraph ${i + 1} about the release train: ${'deploy the application carefully, check the dashboards and tell the team. '.repeat(6)}`,
    );
    const code = Array.from({ length: 120 }, (_, i) => `echo "step ${i + 1}: ${'x'.repeat(40)}" && ./deploy --app=frontend --step=${i + 1}`).join('\n');
    const table = ['| Environment | URL | Owner |', '| --- | --- | --- |', ...Array.from({ length: 40 }, (_, i) => `| env-${i} | https://env-${i}.example.gov.uk | Team ${i} |`)].join('\n');
    const body = [
      '## Release train',
      ...paragraphs.slice(0, 2),
      table,
      `\`\`\`sh\n${code}\n\`\`\``,
      ...paragraphs.slice(2),
      '## One marathon paragraph',
      `Marathon paragraph: ${'a very long sentence about incident rotas and escalation. '.repeat(150)}`,
      '## Something short',
      'A short section.',
    ].join('\n\n');
    manual = tempManual({ 'release-train.html.md': `---\ntitle: Release train\nowner_slack: "#govuk-2ndline"\n---\n\n${body}\n` });
    longBot = await startBot(slack.url, { MANUAL_DIR: manual.dir });
  });
  afterAll(async () => {
    await longBot.stop();
    manual.remove();
  });

  it('is answered within Block Kit limits, shortened with a link to the rest', async () => {
    const res = await longBot.post(commandBody('release train'));
    expect(res.status).toBe(200);
    const reply = asMessage(res.json);

    expect(headerOf(reply)).toBe('Release train');
    expect(blockKitViolations(reply)).toEqual([]);
    expect(reply.blocks.length).toBeLessThanOrEqual(50);
    for (const b of reply.blocks) if (b.type === 'section') expect(b.text.text.length).toBeLessThanOrEqual(3000);
    expect(blockTextLength(reply)).toBeLessThanOrEqual(11_000);
    expect(allText(reply)).toContain('read the rest in the manual');
    expect(footerOf(reply)).toContain('release-train.html#release-train');
    // The table and the code made it in, as code blocks.
    expect(allText(reply)).toContain('env-39');
    expect(allText(reply)).toContain('echo "step 1:');
    // Code is split between blocks with each piece fenced on its own.
    for (const b of reply.blocks) {
      if (b.type !== 'section') continue;
      const fences = b.text.text.match(/```/g)?.length ?? 0;
      expect(fences % 2).toBe(0);
    }
  });

  it('splits one paragraph longer than a section block at spaces, within limits', async () => {
    const res = await longBot.post(commandBody('marathon paragraph'));
    expect(res.status).toBe(200);
    const reply = asMessage(res.json);

    expect(headerOf(reply)).toBe('One marathon paragraph');
    expect(blockKitViolations(reply)).toEqual([]);
    const sections = reply.blocks.filter((b) => b.type === 'section');
    expect(sections.length).toBeGreaterThanOrEqual(3);
    // Cut between words: every word in every block is a whole word of the paragraph.
    const words = new Set('Marathon paragraph: a very long sentence about incident rotas and escalation.'.split(' '));
    for (const b of sections) if (b.type === 'section') expect(b.text.text.split(/\s+/).filter((w) => !words.has(w))).toEqual([]);
    expect(blockTextLength(reply)).toBeLessThanOrEqual(11_000);
  });
});
