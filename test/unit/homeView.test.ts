import { describe, expect, it } from '@jest/globals';
import { homeView, topicSections } from '../../src/slack/home.js';
import { asView, viewText, viewViolations } from '../support/slackView.js';
import { type SyntheticPage, syntheticManual } from '../support/syntheticManual.js';

const BASE = 'https://docs.publishing.service.gov.uk/manual';

/** `count` pages spread over `groups` site sections, each with a long title and (unless `introOnly`, quicker to build) two sections. */
function pages(count: number, groups: number, introOnly = count > 100): SyntheticPage[] {
  return Array.from({ length: count }, (_, i) => ({
    file: `page-${i}.html.md`,
    title: `Page ${i}: a long title of the kind the manual has, about one thing or another & more`,
    section: `Site section ${i % groups}`,
    ...(introOnly ? {} : { markdown: `Intro ${i}.\n\n## First part\n\nText.\n\n## Second part\n\nText.\n` }),
  }));
}

describe('the Home tab, whatever the size of the manual', () => {
  it('lists every section under its page for a small manual', () => {
    const view = asView(homeView(syntheticManual(pages(3, 2))));
    const text = viewText(view);
    expect(text).toContain(`*<${BASE}/page-0.html|Page 0: a long title of the kind the manual has, about one thing or another &amp; more>*`);
    expect(text).toContain(`• <${BASE}/page-2.html#second-part|Second part>`);
    expect(text).toContain('*Topics* (3 pages, 6 sections)');
    expect(viewViolations(view)).toEqual([]);
  });

  it('lists pages under their site sections for a large manual, each site section linked on the manual’s home page', () => {
    const view = asView(homeView(syntheticManual(pages(40, 4))));
    const text = viewText(view);
    expect(text).toContain(`*<${BASE}.html#site-section-0|Site section 0>*`);
    expect(text).toContain(`• <${BASE}/page-39.html|Page 39`);
    expect(text).not.toContain('#first-part');
    expect(viewViolations(view)).toEqual([]);
  });

  it('falls back to groups run together, then the site sections alone, then as many as fit and a link, within 100 blocks', () => {
    const headingsPerBlock = (count: number, groups: number) => {
      const view = asView(homeView(syntheticManual(pages(count, groups))));
      expect([count, groups, viewViolations(view)]).toEqual([count, groups, []]);
      return { view, most: Math.max(...view.blocks.map((b) => (b.type === 'section' ? (b.text.text.match(/\|Site section \d+>\*/g) ?? []).length : 0))) };
    };
    // 30 site sections: one block each.
    expect(headingsPerBlock(600, 30).most).toBe(1);
    // 150: more than a view holds, so they run on from one block to the next.
    const together = headingsPerBlock(1500, 150);
    expect(together.most).toBeGreaterThan(1);
    expect(viewText(together.view)).toContain(`• <${BASE}/page-1499.html|`);
    // 3,000 pages in 400 site sections: the site sections alone, with their page counts.
    const summary = viewText(headingsPerBlock(3000, 400).view);
    expect(summary).toContain(`*<${BASE}.html#site-section-0|Site section 0>* (8)`);
    expect(summary).not.toContain('page-0.html');
    // More site sections than even that holds: as many as fit, and a link to the rest.
    const huge = asView(homeView(syntheticManual(pages(3000, 3000))));
    expect(viewViolations(huge)).toEqual([]);
    expect(huge.blocks.length).toBe(100);
    expect(viewText(huge)).toContain(`More in <${BASE}.html|the manual>`);
  });

  it('packs a long group into several sections of at most 3,000 characters, never splitting a link', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `• <${BASE}/p-${i}.html|Page number ${i} with a title>`);
    const blocks = topicSections([{ heading: '*Big*', lines }], 90, `${BASE}.html`);
    expect(blocks.length).toBeGreaterThan(1);
    for (const b of blocks) {
      if (b.type !== 'section') throw new Error('not a section');
      expect(b.text.text.length).toBeLessThanOrEqual(3000);
      expect(b.text.text.split('\n').every((l) => l === '*Big*' || /^• <[^>]+>$/.test(l))).toBe(true);
    }
  });

  it('names the bot as installed, and marks the view with a digest that changes with the manual', () => {
    const manual = syntheticManual(pages(3, 2));
    const a = homeView(manual, 'UBOT0001');
    expect(viewText(asView(a))).toContain('Mention <@UBOT0001>');
    expect(homeView(manual, 'UBOT0001').private_metadata).toBe(a.private_metadata);
    expect(homeView(syntheticManual(pages(4, 2)), 'UBOT0001').private_metadata).not.toBe(a.private_metadata);
  });
});
