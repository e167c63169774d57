import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Nodes } from 'mdast';
import { loadManualIndex, type ManualIndex } from '../../src/load/loadManualIndex.js';
import { DEFAULT_BASE_URL, SHIPPED_GOVUK_EXAMPLES_DIR } from '../../src/config.js';
import { loadExampleQuestions } from '../../src/search/exampleQuestions.js';
import type { Section } from '../../src/sections/types.js';

/**
 * The whole real GOV.UK developer manual, kept outside the repo as read-only test data.
 * Skipped where it is not there (it is not part of the project). Apart from test/unit: it is the
 * manual's data that is tested, and loading it all is a large share of a unit run's time.
 */
const CANDIDATES = ['/work/shared/govuk-manual', path.resolve(process.cwd(), '../shared/govuk-manual')];
const GOVUK_MANUAL = CANDIDATES.find((dir) => existsSync(dir));
const BASE = `${DEFAULT_BASE_URL}/`;

/** Text a reader sees outside code: code blocks and inline code may show ERB or HTML on purpose. */
function proseText(node: Nodes): string {
  if (node.type === 'code' || node.type === 'inlineCode') return ' ';
  if ('value' in node) return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(proseText).join(' ');
  return '';
}

(GOVUK_MANUAL ? describe : describe.skip)('the real GOV.UK developer manual', () => {
  let manual: ManualIndex;
  beforeAll(async () => {
    manual = await loadManualIndex({ dir: GOVUK_MANUAL!, baseUrl: DEFAULT_BASE_URL, examplesDir: false });
  });

  const sectionsOf = (file: string): Section[] => manual.sections.filter((s) => s.page.file === file);

  it('loads all 212 pages with no problems (what `techlead check` reports)', () => {
    expect(manual.problems).toEqual([]);
    expect(manual.pageCount).toBe(212);
    expect(new Set(manual.sections.map((s) => s.page.file)).size).toBe(212);
  });

  it('gives every section a heading, a URL on the published manual and some content', () => {
    const bad = manual.sections.filter(
      (s) => s.heading.trim() === '' || !s.url.startsWith(BASE) || s.text.body.trim() === '' || s.content.children.length === 0,
    );
    expect(bad.map((s) => s.url)).toEqual([]);
  });

  it('links each section to its page, with the anchor after a #', () => {
    for (const s of manual.sections) {
      expect(s.url).toBe(s.anchor ? `${s.page.url}#${s.anchor}` : s.page.url);
      expect(s.page.url).toMatch(/\.html$/);
      expect(s.anchor).toMatch(/^[a-z0-9_-]*$/);
    }
  });

  it('leaves no ERB or HTML comments in the text people read', () => {
    // Only the openings: a `-->` arrow is ordinary prose (query-cdn-logs.html.md uses one).
    const leaks = manual.sections.filter((s) => /<%|<!--/.test(proseText(s.content)));
    expect(leaks.map((s) => s.url)).toEqual([]);
  });

  it('removes all ERB from .erb pages, code included, as the site runs it', () => {
    const erbSections = manual.sections.filter((s) => s.page.file.endsWith('.erb'));
    expect(erbSections.length).toBeGreaterThan(0);
    expect(erbSections.filter((s) => /<%|%>/.test(s.text.body)).map((s) => s.url)).toEqual([]);
  });

  it('drops mermaid diagrams', () => {
    const source = readFileSync(path.join(GOVUK_MANUAL!, 'logging.html.md'), 'utf8');
    expect(source).toContain('<pre lang="mermaid">');
    for (const s of sectionsOf('logging.html.md')) expect(s.text.body).not.toMatch(/mermaid|-->/);
  });

  describe('alerts/whitehall-scheduled-publishing.html.md.erb (repeats `section:` in its front matter, uses ERB)', () => {
    const file = 'alerts/whitehall-scheduled-publishing.html.md.erb';
    const url = `${DEFAULT_BASE_URL}/alerts/whitehall-scheduled-publishing.html`;

    it('keeps the last `section:` and has the source’s H2s as sections', () => {
      const sections = sectionsOf(file);
      expect(sections[0]?.page).toMatchObject({ title: 'Whitehall scheduled publishing', section: 'Alerts', url });
      expect(sections.map((s) => [s.heading, s.url, s.line])).toEqual([
        ['Alertmanager', `${url}#alertmanager`, 10],
        ['Whitehall scheduled publications are overdue', `${url}#whitehall-scheduled-publications-are-overdue`, 14],
        ['Scheduled publications in Whitehall not queued', `${url}#scheduled-publications-in-whitehall-not-queued`, 47],
      ]);
    });

    it('keeps the H3 inside its H2 and turns the rake helper into the task', () => {
      const overdue = sectionsOf(file)[1]!;
      expect(overdue.text.subheadings).toEqual(['After a database restore']);
      expect(overdue.text.body).toContain('rake publishing:scheduled:requeue_all_jobs');
      expect(overdue.text.body).toContain('whitehall-admin');
      expect(overdue.text.body).toContain('RestClient::UnprocessableEntity');
    });

    it('lines up with the source file', () => {
      const lines = readFileSync(path.join(GOVUK_MANUAL!, file), 'utf8').split('\n');
      for (const s of sectionsOf(file)) expect(lines[s.line - 1]).toBe(`## ${s.heading}`);
    });
  });

  describe('republishing-content.html.md.erb', () => {
    const file = 'republishing-content.html.md.erb';
    const url = `${DEFAULT_BASE_URL}/republishing-content.html`;

    it('has an intro and the source’s H2s', () => {
      expect(sectionsOf(file).map((s) => [s.heading, s.url])).toEqual([
        ['Republish content', url],
        ['Whitehall', `${url}#whitehall`],
        ['Content Publisher', `${url}#content-publisher`],
      ]);
    });

    it('shows both rake tasks and resolves the reference link defined at the end of the page', () => {
      const publisher = sectionsOf(file)[2]!;
      expect(publisher.text.body).toContain('rake resync:document[a-content-id:locale]');
      expect(publisher.text.body).toContain('rake resync:all');
      expect(publisher.text.body).not.toMatch(/<%|RunRakeTask/);
      expect(publisher.text.links).toContain('resync Rake task');
      const intro = sectionsOf(file)[0]!;
      expect(intro.text.links).toEqual(['govspeak', 'Production access']);
    });
  });

  describe('rotating-rds.credentials.html.md (a dot in the name, H1s in the body)', () => {
    const file = 'rotating-rds.credentials.html.md';
    const url = `${DEFAULT_BASE_URL}/rotating-rds.credentials.html`;

    it('is published at .../rotating-rds.credentials.html', () => {
      const sections = sectionsOf(file);
      expect(sections[0]?.page.url).toBe(url);
      expect(sections[0]?.heading).toBe('Rotate Relational Database Service (RDS) Credentials for GOV.UK Applications');
      expect(sections[0]?.url).toBe(url);
    });

    it('has the anchors the site gives its headings', () => {
      const anchors = sectionsOf(file).map((s) => s.anchor);
      expect(anchors).toEqual(
        expect.arrayContaining([
          'the-process-for-mysql-databases',
          'create-a-bastion-or-jump-box-pod',
          'getting-the-aws_db_admin-rds-admin-user-credentials',
          'managing-credentials-for-mysql-instances',
          'identifying-existing-roles-users-and-ownerships',
          'rotating-admin-credentials',
          'troubleshooting',
        ]),
      );
    });

    it('leaves out an H1 that only groups the H2s after it, and keeps one with text of its own', () => {
      const headings = sectionsOf(file).map((s) => s.heading);
      expect(headings).not.toContain('Rotating Application Credentials');
      expect(headings).toContain('Managing credentials for MySQL instances');
      expect(headings).toContain('Getting the aws_db_admin RDS admin user credentials');
    });

    it('has a section for every H1 and H2 of the source that has text under it', () => {
      const source = readFileSync(path.join(GOVUK_MANUAL!, file), 'utf8').split('\n');
      let inCode = false;
      const headingLines: number[] = [];
      source.forEach((line, i) => {
        if (/^\s*```/.test(line)) inCode = !inCode;
        else if (!inCode && /^##? \S/.test(line)) headingLines.push(i + 1);
      });
      const grouping = headingLines.filter((line, k) => headingLines[k + 1] === line + 2 && source[line] === '');
      const expected = headingLines.filter((line) => !grouping.includes(line));
      expect(sectionsOf(file).slice(1).map((s) => s.line)).toEqual(expected);
    });
  });
});

// The example questions shipped for the whole manual are keyed by page file and heading: each must
// still name a page and a heading of the manual they were written for (what `techlead check`
// reports as stale, with MANUAL_DIR at an upstream checkout).
if (GOVUK_MANUAL) {
  describe('the shipped example questions for the whole GOV.UK manual', () => {
    it('all name a page and a heading the manual has, and are all used', async () => {
      const manual = await loadManualIndex({ dir: GOVUK_MANUAL, baseUrl: DEFAULT_BASE_URL });
      expect(manual.examplesDir).toBe(SHIPPED_GOVUK_EXAMPLES_DIR);
      expect(manual.exampleProblems).toEqual([]);
      expect(manual.exampleQuestions).toBe(loadExampleQuestions(SHIPPED_GOVUK_EXAMPLES_DIR).examples.length);
    });
  });
} else {
  describe('the shipped example questions for the whole GOV.UK manual', () => {
    it.skip(`are checked against the manual: skipped, there is no copy of it at ${CANDIDATES.join(' or ')}`, () => {});
  });
}
