import { describe, expect, it } from '@jest/globals';
import { findLinkTarget, manualHost } from '../../src/slack/manualLinks.js';
import { syntheticManual } from '../support/syntheticManual.js';

const BASE = 'https://docs.publishing.service.gov.uk/manual';
const manual = syntheticManual([
  { file: 'deploying.html.md', title: 'Deploying', markdown: 'Intro.\n\n## Roll back a release\n\nRoll back.\n\n### Tell the team\n\nSay so.\n\n## Roll back a release\n\nThe same heading again.\n' },
  { file: 'alerts/disk-full.html.md', title: 'Disk full', markdown: 'The disk is full.\n\n## Fix it\n\nDelete logs.\n' },
  { file: 'a page with spaces.html.md', title: 'Spaces', markdown: 'Odd name.\n' },
]);

/** What a URL points at, as "page" or "section: heading", for short expectations. */
function target(url: string): string | undefined {
  const t = findLinkTarget(manual, url);
  if (!t) return undefined;
  return t.kind === 'section' ? `section: ${t.section.heading} (${t.outline.page.title})` : `page: ${t.outline.page.title}`;
}

describe('links into the manual', () => {
  it('finds a section by its anchor and a page without one', () => {
    expect(target(`${BASE}/deploying.html#roll-back-a-release`)).toBe('section: Roll back a release (Deploying)');
    expect(target(`${BASE}/deploying.html`)).toBe('page: Deploying');
    expect(target(`${BASE}/alerts/disk-full.html#fix-it`)).toBe('section: Fix it (Disk full)');
  });

  it('matches however the link was written: http, www, a trailing slash, no .html, a query, case in the host, percent-encoding', () => {
    for (const url of [
      'http://docs.publishing.service.gov.uk/manual/deploying.html#roll-back-a-release',
      'https://www.docs.publishing.service.gov.uk/manual/deploying.html#roll-back-a-release',
      'https://DOCS.publishing.service.gov.uk/manual/deploying.html/#roll-back-a-release',
      'https://docs.publishing.service.gov.uk/manual/deploying#roll-back-a-release',
      'https://docs.publishing.service.gov.uk/manual/deploying.html?utm_source=slack#roll-back-a-release',
      'https://docs.publishing.service.gov.uk/manual/deploying.html#Roll-Back-A-Release',
      '  https://docs.publishing.service.gov.uk/manual/deploying.html#roll-back-a-release  ',
    ]) {
      expect([url, target(url)]).toEqual([url, 'section: Roll back a release (Deploying)']);
    }
    expect(target(`${BASE}/a%20page%20with%20spaces.html`)).toBe('page: Spaces');
    expect(target(`${BASE}/a page with spaces.html`)).toBe('page: Spaces');
  });

  it('shows the section a subheading is in, the first of a repeated heading, and the page for an anchor it does not know', () => {
    expect(target(`${BASE}/deploying.html#tell-the-team`)).toBe('section: Roll back a release (Deploying)');
    const first = findLinkTarget(manual, `${BASE}/deploying.html#roll-back-a-release`);
    expect(first?.kind === 'section' && first.section.text.body).toContain('Roll back.');
    expect(target(`${BASE}/deploying.html#renamed-since`)).toBe('page: Deploying');
  });

  it('leaves alone pages it does not have, the manual’s home page, other parts of the site and other sites', () => {
    for (const url of [
      `${BASE}/no-such-page.html`,
      `${BASE}.html`,
      `${BASE}/`,
      'https://docs.publishing.service.gov.uk/repos/whitehall.html',
      'https://docs.publishing.service.gov.uk/manualdeploying.html',
      'https://example.com/manual/deploying.html',
      'https://docs.publishing.service.gov.uk.evil.example/manual/deploying.html',
      'ftp://docs.publishing.service.gov.uk/manual/deploying.html',
      'mailto:someone@digital.cabinet-office.gov.uk',
      'not a url',
      '',
    ]) {
      expect([url, target(url)]).toEqual([url, undefined]);
    }
  });

  it('follows MANUAL_BASE_URL: another host and path are the manual, the default one is not', () => {
    const mirror = syntheticManual([{ file: 'deploying.html.md', title: 'Deploying', markdown: 'Intro.\n\n## Roll back\n\nRoll back.\n' }], 'https://manual.example.org/docs/manual/');
    expect(manualHost(mirror)).toBe('manual.example.org');
    expect(findLinkTarget(mirror, 'https://manual.example.org/docs/manual/deploying.html#roll-back')?.kind).toBe('section');
    expect(findLinkTarget(mirror, `${BASE}/deploying.html#roll-back`)).toBeUndefined();
    expect(manualHost(manual)).toBe('docs.publishing.service.gov.uk');
  });
});
