import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_BASE_URL } from '../../src/config.js';
import { FakeSlack } from '../support/fakeSlack.js';
import { eventBody } from '../support/signedRequest.js';
import { asView, type SlackView, viewText, viewViolations } from '../support/slackView.js';
import { type RunningBot, startBot } from '../support/startBot.js';
import { appHomeOpenedEvent } from '../support/surfacePayloads.js';

/**
 * The Home tab of the whole GOV.UK developer manual (212 pages, about 900 sections), published
 * through the real app: it must fit a view's 100 blocks and 3,000 characters a section. The
 * manual is read-only test data outside the repo, loaded once for the suite; skipped where absent.
 */
const GOVUK_MANUAL = ['/work/shared/govuk-manual', '../shared/govuk-manual'].find((dir) => existsSync(dir));
const TITLE = 'the Home tab of the whole GOV.UK manual';
if (!GOVUK_MANUAL) console.warn(`Skipping "${TITLE}": no GOV.UK manual at /work/shared/govuk-manual or ../shared/govuk-manual.`);

(GOVUK_MANUAL ? describe : describe.skip)(GOVUK_MANUAL ? TITLE : `${TITLE} (skipped: the GOV.UK manual is not at /work/shared/govuk-manual)`, () => {
  let slack: FakeSlack;
  let bot: RunningBot;
  let home: SlackView;

  beforeAll(async () => {
    slack = await new FakeSlack().start();
    bot = await startBot(slack.url, { MANUAL_DIR: GOVUK_MANUAL! });
    await bot.post(eventBody(appHomeOpenedEvent()));
    const [call] = await slack.waitFor('views.publish', 1, 10_000);
    home = asView(call!.args.view);
  }, 60_000);
  afterAll(async () => {
    await bot?.stop();
    await slack?.stop();
  });

  it('fits Slack’s limits for a view: at most 100 blocks, 3,000 characters a section', () => {
    expect(viewViolations(home)).toEqual([]);
    expect(home.blocks.length).toBeLessThanOrEqual(100);
    // Measured 51 blocks and about 31 kB: room for the manual to grow before the Home falls back to site sections only.
    expect(Buffer.byteLength(JSON.stringify(home))).toBeLessThan(100_000);
  });

  it('lists every page, under its site section, each section linked to its place on the manual’s home page', () => {
    const text = viewText(home);
    const manual = bot.store.current();
    expect(manual.pageCount).toBeGreaterThan(200);
    const missing = [...manual.pages.values()].filter((o) => !text.includes(`<${o.page.url}|`));
    expect(missing.map((o) => o.page.file)).toEqual([]);
    expect(text).toContain(`*<${DEFAULT_BASE_URL}.html#monitoring-and-alerting|Monitoring and alerting>*`);
    expect(text).toContain(`*<${DEFAULT_BASE_URL}.html#learning-gov-uk|Learning GOV.UK>*`);
    expect(text).toContain('*The manual by section*');
    // Site sections in order, each heading a block of its pages.
    const headings = home.blocks.flatMap((b) => (b.type === 'section' && /^\*<[^|]+\.html#/.test(b.text.text) ? [b.text.text.replace(/^\*<[^|]+\|([^>]+)>\*[\s\S]*$/, '$1')] : []));
    expect(headings.length).toBeGreaterThan(20);
    expect([...headings].sort((a, b) => a.localeCompare(b))).toEqual(headings);
  });
});
