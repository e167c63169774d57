import { describe, expect, it } from '@jest/globals';
import { findLinkTarget } from '../../src/slack/manualLinks.js';
import { excerptOf, unfurlOf } from '../../src/slack/unfurl.js';
import { blockKitViolations } from '../support/slackMessage.js';
import { syntheticManual } from '../support/syntheticManual.js';

const BASE = 'https://docs.publishing.service.gov.uk/manual';
const long = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} says something useful about the release process.`).join(' ');
const manual = syntheticManual([
  {
    file: 'releases.html.md',
    title: 'Releases & <hotfixes>',
    ownerSlack: '#govuk-<platform>',
    markdown: `Short intro.\n\n## Long section\n\n${long}\n\n## Code first\n\n\`\`\`sh\nrelease --now\n\`\`\`\n\nThen tell <!channel> about it, with **bold** and [a link](https://example.com).\n\n## Only code\n\n\`\`\`\nonly code here\n\`\`\`\n`,
  },
  { file: 'headed.html.md', title: 'Headed page', markdown: '## First\n\nOne.\n\n## Second\n\nTwo.\n' },
]);
const unfurl = (url: string) => unfurlOf(findLinkTarget(manual, url)!);

describe('an unfurl of a link into the manual', () => {
  it('quotes the first paragraph or so, cut at a sentence before 500 characters', () => {
    const excerpt = excerptOf(manual.sections.find((s) => s.anchor === 'long-section')!);
    expect(excerpt.length).toBeGreaterThanOrEqual(200);
    expect(excerpt.length).toBeLessThanOrEqual(500);
    expect(excerpt).toMatch(/process\.$/);
  });

  it('skips code for prose, and escapes the manual’s text so it cannot mention anyone or break the formatting', () => {
    const { blocks } = unfurl(`${BASE}/releases.html#code-first`);
    const text = JSON.stringify(blocks);
    expect(text).toContain('Then tell &lt;!channel&gt; about it, with bold and a link.');
    expect(text).not.toContain('release --now');
    expect(text).toContain('From *Releases &amp; &lt;hotfixes&gt;*');
    expect(text).toContain('Owned by #govuk-&lt;platform&gt;');
    expect(text).not.toContain('<!channel>');
  });

  it('falls back to the text of a section that is only code', () => {
    expect(JSON.stringify(unfurl(`${BASE}/releases.html#only-code`).blocks)).toContain('only code here');
  });

  it('shows a page with no intro by what is on it', () => {
    const { blocks } = unfurl(`${BASE}/headed.html`);
    expect(blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: `*<${BASE}/headed.html|Headed page>*\nOn this page: First · Second` } });
  });

  it('stays small and within Block Kit’s limits, with a plain-text fallback', () => {
    for (const s of manual.sections) {
      const u = unfurl(s.url);
      expect(blockKitViolations({ text: u.fallback, blocks: u.blocks })).toEqual([]);
      expect(JSON.stringify(u).length).toBeLessThan(1500);
    }
  });
});
