import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { stripErb } from '../../src/manual/erb.js';
import { loadManual, NoPagesError } from '../../src/manual/loadManual.js';
import { formatProblem } from '../../src/manual/types.js';
import { page, tempManual } from '../support/tempManual.js';

const BASE = 'https://docs.example.test/manual';

describe('loadManual', () => {
  describe('a folder of pages, with subfolders and files that are not pages', () => {
    let manual: ReturnType<typeof tempManual>;
    beforeAll(() => {
      manual = tempManual({
        'plain.md': page('Plain Markdown', 'A .md page.'),
        'alerts/disk-space.html.md': page('Disk space', 'An .html.md page in a subfolder.'),
        'deep/er/rake.html.md.erb': page('Rake page', 'Run this:\n\n<%= RunRakeTask.links("whitehall-admin", "publishing:requeue") %>\n'),
        'notes.txt': 'not a page',
        'image.png': 'not a page either',
        'README': 'no extension',
        '.git/HEAD.md': page('Inside .git', 'skipped'),
        'node_modules/pkg/readme.md': page('A dependency', 'skipped'),
      });
    });
    afterAll(() => manual.remove());

    it('loads *.md, *.html.md and *.html.md.erb at any depth, and nothing else', async () => {
      const { pages, problems } = await loadManual(manual.dir, BASE);
      expect(problems).toEqual([]);
      expect(pages.map((p) => p.file)).toEqual(['alerts/disk-space.html.md', 'deep/er/rake.html.md.erb', 'plain.md']);
      expect(pages.map((p) => p.meta.title)).toEqual(['Disk space', 'Rake page', 'Plain Markdown']);
    });

    it('gives each page its published URL', async () => {
      const { pages } = await loadManual(manual.dir, BASE);
      expect(Object.fromEntries(pages.map((p) => [p.file, p.url]))).toEqual({
        'alerts/disk-space.html.md': `${BASE}/alerts/disk-space.html`,
        'deep/er/rake.html.md.erb': `${BASE}/deep/er/rake.html`,
        'plain.md': `${BASE}/plain.html`,
      });
    });

    it('runs the ERB of .erb pages: the rake helper becomes the task it stands for', async () => {
      const { pages } = await loadManual(manual.dir, BASE);
      const erbPage = pages.find((p) => p.file.endsWith('.erb'));
      expect(erbPage?.markdown).toContain('rake publishing:requeue');
      expect(erbPage?.markdown).toContain('whitehall-admin');
      expect(erbPage?.markdown).not.toContain('<%');
      expect(erbPage?.markdown).not.toContain('RunRakeTask');
    });
  });

  describe('a bad page among good ones', () => {
    let manual: ReturnType<typeof tempManual>;
    beforeAll(() => {
      manual = tempManual({
        'good-one.html.md': page('Good one', 'Fine.'),
        'sub/broken-yaml.html.md': '---\ntitle: Broken\nowner_slack: "#team\nsection: X\n---\n\nBody\n',
        'sub/bad-indent.html.md': '---\ntitle: Bad indent\nsection: X\n  parent: /manual.html\n---\n\nBody\n',
        'no-title.html.md': '---\nowner_slack: "#team"\n---\n\nBody\n',
        'good-two.html.md': page('Good two', 'Also fine.'),
      });
    });
    afterAll(() => manual.remove());

    it('is reported by file and line and skipped, and the good pages still load', async () => {
      const { pages, problems } = await loadManual(manual.dir, BASE);
      expect(pages.map((p) => p.file)).toEqual(['good-one.html.md', 'good-two.html.md']);
      expect(problems.map((p) => [p.file, p.line])).toEqual([
        ['no-title.html.md', 1],
        ['sub/bad-indent.html.md', 4],
        ['sub/broken-yaml.html.md', 5],
      ]);
      expect(problems.map(formatProblem)).toEqual([
        expect.stringMatching(/^no-title\.html\.md:1: .*title/),
        expect.stringMatching(/^sub\/bad-indent\.html\.md:4: front matter is not valid YAML/),
        expect.stringMatching(/^sub\/broken-yaml\.html\.md:5: front matter is not valid YAML/),
      ]);
    });
  });

  it('reads Windows line endings and a byte-order mark like any other page', async () => {
    const manual = tempManual({ 'crlf.html.md': '\uFEFF---\r\ntitle: CRLF page\r\n---\r\n\r\nLine one\r\n' });
    try {
      const { pages, problems } = await loadManual(manual.dir, BASE);
      expect(problems).toEqual([]);
      expect(pages[0]?.meta.title).toBe('CRLF page');
      expect(pages[0]?.markdown).not.toContain('\r');
    } finally {
      manual.remove();
    }
  });

  it('does not run ERB in pages that are not .erb (the site shows it as written)', async () => {
    const manual = tempManual({ 'example.html.md': page('ERB example', '```erb\n<%= render "component" %>\n```\n') });
    try {
      const { pages } = await loadManual(manual.dir, BASE);
      expect(pages[0]?.markdown).toContain('<%= render "component" %>');
    } finally {
      manual.remove();
    }
  });

  describe('a folder with no pages', () => {
    it('throws a clear error for an empty folder', async () => {
      const manual = tempManual({});
      try {
        await expect(loadManual(manual.dir, BASE)).rejects.toThrow(NoPagesError);
        await expect(loadManual(manual.dir, BASE)).rejects.toThrow(/no manual pages .*found in/);
      } finally {
        manual.remove();
      }
    });

    it('throws the same for a folder holding only files that are not pages', async () => {
      const manual = tempManual({ 'notes.txt': 'hello', 'sub/data.json': '{}' });
      try {
        await expect(loadManual(manual.dir, BASE)).rejects.toThrow(/no manual pages/);
      } finally {
        manual.remove();
      }
    });

    it('throws a clear error naming a folder that does not exist', async () => {
      const missing = path.join(process.cwd(), 'no-such-manual-folder');
      await expect(loadManual(missing, BASE)).rejects.toThrow(NoPagesError);
      await expect(loadManual(missing, BASE)).rejects.toThrow(`cannot read the manual folder ${missing}`);
    });
  });
});

describe('stripErb', () => {
  it('turns RunRakeTask.links into text naming the rake task and the app', () => {
    const text = stripErb('Before\n\n<%= RunRakeTask.links("app", "task:name") %>\n\nAfter');
    expect(text).toMatch(/rake task:name/);
    expect(text).toContain('app');
    expect(text).not.toMatch(/<%|%>|RunRakeTask/);
    expect(text.startsWith('Before\n\n')).toBe(true);
    expect(text.endsWith('\n\nAfter')).toBe(true);
  });

  it('accepts single quotes, extra spaces and a task with arguments', () => {
    expect(stripErb(`<%= RunRakeTask.links( 'content-publisher' , 'resync:document[an-id:en]' ) %>`)).toMatch(
      /rake resync:document\[an-id:en\].*content-publisher/,
    );
  });

  it('removes every other ERB tag, keeping the text around it', () => {
    const text = stripErb('A <%= some_helper("x") %>B\n<% if production? %>\nShown\n<% end %>\n<%# a comment %>C<%- trimmed -%>D');
    expect(text).not.toMatch(/<%|%>|some_helper|production\?|comment|trimmed/);
    expect(text).toContain('A B');
    expect(text).toContain('Shown');
    expect(text).toContain('CD');
  });

  it('removes tags that span lines', () => {
    expect(stripErb('x<%= render "a", {\n  b: 1,\n} %>y')).toBe('xy');
  });
});
