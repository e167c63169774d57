import { describe, expect, it } from '@jest/globals';
import { DEFAULT_BASE_URL } from '../../src/config.js';
import type { ManualPage } from '../../src/manual/types.js';
import { splitSections } from '../../src/sections/splitSections.js';
import { escapeMrkdwn, quoteUserText } from '../../src/slack/escape.js';
import { toMrkdwnBlocks } from '../../src/slack/mrkdwn.js';

function mrkdwnOf(markdown: string): string[] {
  const page: ManualPage = { file: 'p.html.md', meta: { title: 'P' }, markdown, bodyLine: 1, url: `${DEFAULT_BASE_URL}/p.html` };
  const [section] = splitSections(page);
  return toMrkdwnBlocks(section!.content.children);
}

describe('mdast to Slack mrkdwn', () => {
  it('renders emphasis, code, strike-through and links the Slack way', () => {
    expect(mrkdwnOf('Some **bold**, _italic_, ~~gone~~, `code` and [a link](https://example.com/x).')).toEqual([
      'Some *bold*, _italic_, ~gone~, `code` and <https://example.com/x|a link>.',
    ]);
  });

  it('shows a link label as written: underscores and code kept, & and > escaped once', () => {
    expect(mrkdwnOf('Run [`govuk_message_queue_consumer`](https://example.com/q) or [R&D > **now**](https://example.com/r?a=1&b=2).')).toEqual([
      'Run <https://example.com/q|govuk_message_queue_consumer> or <https://example.com/r?a=1&b=2|R&amp;D &gt; now>.',
    ]);
  });

  it('resolves reference links and makes relative links absolute', () => {
    expect(mrkdwnOf('See [the docs][d] and [Sidekiq](/manual/sidekiq.html#retries).\n\n[d]: https://example.com/docs')).toEqual([
      'See <https://example.com/docs|the docs> and <https://docs.publishing.service.gov.uk/manual/sidekiq.html#retries|Sidekiq>.',
    ]);
  });

  it('keeps lists, nested lists and numbering', () => {
    expect(mrkdwnOf('1. first\n2. second\n   - inner\n')).toEqual(['1. first\n2. second\n    ◦ inner']);
  });

  it('keeps code blocks as code blocks, escaped', () => {
    expect(mrkdwnOf('```sh\nkubectl get pods -l app=<app>\n```')).toEqual(['```\nkubectl get pods -l app=&lt;app&gt;\n```']);
  });

  it('turns tables into aligned code blocks', () => {
    const [table] = mrkdwnOf('| Name | Channel |\n| --- | --- |\n| Tech leads | #govuk-tech-leads |\n| Platform | #govuk-platform-support |\n');
    expect(table).toBe(
      '```\nName        Channel\n----------  -----------------------\nTech leads  #govuk-tech-leads\nPlatform    #govuk-platform-support\n```',
    );
  });

  it('shows subheadings in bold and escapes text that would become a mention', () => {
    expect(mrkdwnOf('### Steps\n\nAsk <!channel> & wait')).toEqual(['*Steps*', 'Ask &lt;!channel&gt; &amp; wait']);
  });
});

describe('escaping user text', () => {
  it('escapes the three control characters', () => {
    expect(escapeMrkdwn('<@U1> & <!here>')).toBe('&lt;@U1&gt; &amp; &lt;!here&gt;');
  });

  it('quotes user text on one short line that cannot ping or format', () => {
    const quoted = quoteUserText(`@channel *look* ${'x'.repeat(200)}`);
    expect(quoted.length).toBeLessThanOrEqual(100);
    expect(quoted).not.toContain('@channel');
    expect(quoted).not.toMatch(/(^|[^\u200b])\*look/);
  });
});

describe('splitting long text for section blocks', () => {
  it('never cuts inside a link or an escape, and keeps every character', async () => {
    const { splitLong } = await import('../../src/slack/blocks.js');
    const link = '<https://example.com/a|a link>';
    const text = `${'x'.repeat(2990)}${link} and ${'&amp;'.repeat(5)}${'y'.repeat(3000)}`;
    const pieces = splitLong(text, 3000);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(3000);
      expect((piece.match(/</g) ?? []).length).toBe((piece.match(/>/g) ?? []).length);
      expect(piece).not.toMatch(/&[a-z]*$/);
      expect(piece).not.toMatch(/^[a-z]*;/);
    }
    expect(pieces.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    // A hard cut that would fall inside an escape moves before it.
    const [first, second] = splitLong(`${'x'.repeat(2997)}&amp;${'y'.repeat(100)}`, 3000);
    expect(first).toBe('x'.repeat(2997));
    expect(second).toBe(`&amp;${'y'.repeat(100)}`);
  });
});

describe('links to the manual home', () => {
  it('follow MANUAL_BASE_URL, whatever its path', async () => {
    const { loadManualIndex } = await import('../../src/load/loadManualIndex.js');
    const { SHIPPED_MANUAL_DIR } = await import('../../src/config.js');
    const { noMatchMessage } = await import('../../src/slack/messages.js');
    const manual = await loadManualIndex({ dir: SHIPPED_MANUAL_DIR, baseUrl: 'https://docs.example.gov.uk/guides/' });
    const message = noMatchMessage(manual, 'zzqx');
    expect(message.text).toContain('https://docs.example.gov.uk/guides.html');
    expect(JSON.stringify(message.blocks)).toContain('<https://docs.example.gov.uk/guides.html|the GOV.UK developer manual>');
  });
});

describe('an offer', () => {
  it('names each section with its page on a manual of several pages, escaped, with a button each', async () => {
    const { loadManualIndex } = await import('../../src/load/loadManualIndex.js');
    const { offerMessage } = await import('../../src/slack/messages.js');
    const { page, tempManual } = await import('../support/tempManual.js');
    const fixture = tempManual({
      'a.html.md': page('Deploys <& rollbacks>', '## Overview\n\nHow deploys work.\n'),
      'b.html.md': page('Rotas | shifts', '## Overview\n\nHow rotas work.\n'),
    });
    try {
      const manual = await loadManualIndex({ dir: fixture.dir, baseUrl: DEFAULT_BASE_URL });
      const overviews = manual.sections.filter((s) => s.heading === 'Overview');
      const message = offerMessage(manual, 'overview <!here>', overviews);
      // mrkdwn is escaped; button labels are plain_text, which Slack shows as written.
      const mrkdwn = [message.text, ...message.blocks.map((b) => (b.type === 'section' ? b.text.text : ''))].join('\n');
      expect(mrkdwn).not.toMatch(/<!here>|<& /);
      expect(message.text).toContain('Overview (Deploys &lt;&amp; rollbacks&gt;); Overview (Rotas | shifts)');
      const buttons = message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
      expect(buttons.map((b) => b.text.text)).toEqual(['Overview (Deploys <& rollbacks>)', 'Overview (Rotas | shifts)']);
      // Each carries its section and the question, without its markup.
      expect(buttons.map((b) => JSON.parse(b.value))).toEqual(overviews.map((s) => ({ s: s.id, q: 'overview' })));
      const list = message.blocks[1];
      expect(list?.type === 'section' ? list.text.text : '').toContain('|Overview (Rotas ¦ shifts)>');
    } finally {
      fixture.remove();
    }
  });
});
