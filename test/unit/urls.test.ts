import { describe, expect, it } from '@jest/globals';
import { headingAnchor, pageUrl } from '../../src/manual/pageUrl.js';
import { parseFrontMatter } from '../../src/manual/frontMatter.js';
import { splitSections } from '../../src/sections/splitSections.js';

const BASE = 'https://docs.publishing.service.gov.uk/manual';

describe('pageUrl', () => {
  it.each([
    ['tech-lead-responsibilities.html.md', `${BASE}/tech-lead-responsibilities.html`],
    ['republishing-content.html.md.erb', `${BASE}/republishing-content.html`],
    ['alerts/whitehall-scheduled-publishing.html.md.erb', `${BASE}/alerts/whitehall-scheduled-publishing.html`],
    ['alerts/deep/er/page.html.md', `${BASE}/alerts/deep/er/page.html`],
    ['plain.md', `${BASE}/plain.html`],
    ['how-to-test-with-assitive-technology.html.html.md', `${BASE}/how-to-test-with-assitive-technology.html.html`],
    ['rotating-rds.credentials.html.md', `${BASE}/rotating-rds.credentials.html`],
  ])('%s -> %s', (file, url) => {
    expect(pageUrl(file, BASE)).toBe(url);
  });

  it('uses the base URL it is given, with or without a trailing slash', () => {
    expect(pageUrl('a/b.html.md', 'https://manual.example.test/docs')).toBe('https://manual.example.test/docs/a/b.html');
    expect(pageUrl('a/b.html.md', 'https://manual.example.test/docs/')).toBe('https://manual.example.test/docs/a/b.html');
    expect(pageUrl('a/b.html.md', 'http://localhost:4567/manual//')).toBe('http://localhost:4567/manual/a/b.html');
  });

  it('escapes characters that cannot stand in a URL path, but not the folder separators', () => {
    expect(pageUrl('odd folder/a page#1.html.md', BASE)).toBe(`${BASE}/odd%20folder/a%20page%231.html`);
  });
});

describe('headingAnchor', () => {
  it.each([
    ['Managing leavers', 'managing-leavers'],
    ['Not knowing everything about GOV.UK', 'not-knowing-everything-about-gov-uk'],
    ['Attending relevant Incident Reviews', 'attending-relevant-incident-reviews'],
    // Apostrophes, straight or curly, and other punctuation are dropped, not turned into dashes.
    ['Leaver’s trello card', 'leavers-trello-card'],
    ["Leaver's trello card", 'leavers-trello-card'],
    ['What is “soft skills”?', 'what-is-soft-skills'],
    ['Create a bastion or "jump box" Pod', 'create-a-bastion-or-jump-box-pod'],
    ['Identifying existing roles (users) and ownerships', 'identifying-existing-roles-users-and-ownerships'],
    // `&` goes with the spaces around it collapsing to one dash; runs of dashes collapse.
    ['Search & browse', 'search-browse'],
    ['Before -- after', 'before-after'],
    ['Step 1 - install', 'step-1-install'],
    // Underscores and digits stay.
    ['Getting the aws_db_admin RDS admin user credentials', 'getting-the-aws_db_admin-rds-admin-user-credentials'],
    ['Version 2.0 release', 'version-2-0-release'],
  ])('%s -> %s', (heading, anchor) => {
    expect(headingAnchor(heading)).toBe(anchor);
  });

  it('keeps the word of a placeholder written as code, dropping only its brackets', () => {
    expect(headingAnchor('Deploy to <environment>')).toBe('deploy-to-environment');
    expect(headingAnchor('Run `bundle exec rake <task>`')).toBe('run-bundle-exec-rake-task');
  });

  it('is what sections are linked by, from the Markdown of the heading', () => {
    const fm = parseFrontMatter(
      [
        '---',
        'title: Anchors',
        '---',
        '',
        '## Deploy to `<environment>`',
        '',
        'a',
        '',
        '## Use **bold** and [a link](https://example.test) & `code_name`',
        '',
        'b',
        '',
        '## Not knowing everything about GOV.UK',
        '',
        'c',
      ].join('\n'),
    );
    if (!fm.ok) throw new Error(fm.message);
    const sections = splitSections({ file: 'anchors.html.md', meta: fm.meta, markdown: fm.markdown, bodyLine: fm.bodyLine, url: `${BASE}/anchors.html` });
    expect(sections.map((s) => [s.heading, s.anchor])).toEqual([
      ['Deploy to <environment>', 'deploy-to-environment'],
      ['Use bold and a link & code_name', 'use-bold-and-a-link-code_name'],
      ['Not knowing everything about GOV.UK', 'not-knowing-everything-about-gov-uk'],
    ]);
    expect(sections[0]?.url).toBe(`${BASE}/anchors.html#deploy-to-environment`);
  });
});
