import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Nodes } from 'mdast';
import { DEFAULT_BASE_URL, SHIPPED_MANUAL_DIR } from '../../src/config.js';
import { parseFrontMatter } from '../../src/manual/frontMatter.js';
import { loadManual } from '../../src/manual/loadManual.js';
import { pageUrl } from '../../src/manual/pageUrl.js';
import type { ManualPage } from '../../src/manual/types.js';
import { renderText } from '../../src/render/renderText.js';
import { splitSections } from '../../src/sections/splitSections.js';
import type { Section } from '../../src/sections/types.js';

const BASE = 'https://docs.example.test/manual';

/** A page as loadManual makes it, from the whole file text (front matter included), so lines are file lines. */
function pageFrom(file: string, text: string): ManualPage {
  const fm = parseFrontMatter(text);
  if (!fm.ok) throw new Error(fm.message);
  return { file, meta: fm.meta, markdown: fm.markdown, bodyLine: fm.bodyLine, url: pageUrl(file, BASE) };
}

function sectionsOf(body: string, title = 'Test page'): Section[] {
  return splitSections(pageFrom('test-page.html.md', `---\ntitle: ${title}\n---\n\n${body}`));
}

function byHeading(sections: Section[], heading: string): Section {
  const section = sections.find((s) => s.heading === heading);
  if (!section) throw new Error(`no section "${heading}" in: ${sections.map((s) => s.heading).join(', ')}`);
  return section;
}

/** Every link in a section's content, as [text, url]. */
function linksOf(section: Section): [string, string][] {
  const links: [string, string][] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'link') links.push([node.children.map((c) => ('value' in c ? c.value : '')).join(''), node.url]);
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(section.content);
  return links;
}

/** Node types anywhere in a section's content. */
function typesIn(section: Section): Set<string> {
  const types = new Set<string>();
  const walk = (node: Nodes) => {
    types.add(node.type);
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(section.content);
  return types;
}

describe('splitSections', () => {
  describe('headings', () => {
    const sections = sectionsOf(
      [
        'Intro paragraph.',
        '',
        '## First topic',
        '',
        'About the first topic.',
        '',
        '### A detail',
        '',
        'Detail text under the H3.',
        '',
        '#### A deeper detail',
        '',
        'Deeper text.',
        '',
        '## Second topic',
        '',
        'About the second topic.',
      ].join('\n'),
      'My page title',
    );

    it('heads the text before the first H2 with the page title, linking to the page itself', () => {
      const intro = sections[0];
      expect(intro?.heading).toBe('My page title');
      expect(intro?.anchor).toBe('');
      expect(intro?.url).toBe(`${BASE}/test-page.html`);
      expect(intro?.text.body).toBe('Intro paragraph.');
    });

    it('starts a section at each H2, linked by its anchor', () => {
      expect(sections.map((s) => s.heading)).toEqual(['My page title', 'First topic', 'Second topic']);
      expect(sections.map((s) => s.url)).toEqual([
        `${BASE}/test-page.html`,
        `${BASE}/test-page.html#first-topic`,
        `${BASE}/test-page.html#second-topic`,
      ]);
      expect(byHeading(sections, 'Second topic').text.body).toBe('About the second topic.');
    });

    it('keeps H3s and deeper inside their H2, not as sections of their own', () => {
      const first = byHeading(sections, 'First topic');
      expect(first.text.body).toContain('Detail text under the H3.');
      expect(first.text.body).toContain('Deeper text.');
      expect(first.text.subheadings).toEqual(['A detail', 'A deeper detail']);
      expect(sections.find((s) => s.heading === 'A detail')).toBeUndefined();
      // The H2's own heading is not part of its content.
      expect(first.text.body.startsWith('About the first topic.')).toBe(true);
    });

    it('has no intro when the page starts with a heading', () => {
      const s = sectionsOf('## Straight in\n\nText.');
      expect(s.map((x) => x.heading)).toEqual(['Straight in']);
    });

    it('treats an H1 in the body as a top-level heading, and leaves out a heading with nothing under it', () => {
      const s = sectionsOf('# Group heading\n\n## Real topic\n\nText.\n\n# Another H1\n\nIts own text.');
      expect(s.map((x) => x.heading)).toEqual(['Real topic', 'Another H1']);
    });

    it('reads setext headings like ATX ones', () => {
      const s = sectionsOf('Intro.\n\nSetext H2\n---------\n\nUnder the setext H2.\n\nSetext H1\n=========\n\nUnder the setext H1.');
      expect(s.map((x) => [x.heading, x.anchor])).toEqual([
        ['Test page', ''],
        ['Setext H2', 'setext-h2'],
        ['Setext H1', 'setext-h1'],
      ]);
      expect(byHeading(s, 'Setext H2').text.body).toBe('Under the setext H2.');
    });

    it('records the file line where each section starts', () => {
      // Lines: 1 ---, 2 title, 3 ---, 4 blank, 5 intro, 6 blank, 7 "## Alpha", ...
      const s = sectionsOf('Intro.\n\n## Alpha\n\nA.\n\n### Inside alpha\n\nB.\n\n## Beta\n\nC.');
      expect(s.map((x) => [x.heading, x.line])).toEqual([
        ['Test page', 5],
        ['Alpha', 7],
        ['Beta', 15],
      ]);
    });
  });

  describe('reference links', () => {
    const sections = sectionsOf(
      [
        'See the [Full form][Docs-Link], the [collapsed][] one and the [shortcut] one.',
        '',
        '## Second section',
        '',
        'Uses [THE GUIDE][guide] and [Shortcut] again, and a [missing][nowhere] label.',
        '',
        '[docs-link]: https://example.test/docs',
        '[Collapsed]: https://example.test/collapsed "A title"',
        '',
        '## Third section',
        '',
        '[shortcut]: https://example.test/shortcut',
        '[GUIDE]: https://example.test/guide',
        '[guide]: https://example.test/second-definition-ignored',
      ].join('\n'),
    );

    it('resolves [text][id], [text][] and [text] with definitions anywhere on the page, case-insensitively', () => {
      expect(linksOf(sections[0]!)).toEqual([
        ['Full form', 'https://example.test/docs'],
        ['collapsed', 'https://example.test/collapsed'],
        ['shortcut', 'https://example.test/shortcut'],
      ]);
    });

    it('uses the first definition of a label, from a later section too', () => {
      const second = byHeading(sections, 'Second section');
      expect(linksOf(second)).toEqual([
        ['THE GUIDE', 'https://example.test/guide'],
        ['Shortcut', 'https://example.test/shortcut'],
      ]);
      // A label with no definition is just text, as on the site.
      expect(second.text.body).toContain('[missing][nowhere]');
    });

    it('drops the definitions themselves, so a section of only definitions is left out', () => {
      expect(sections.map((s) => s.heading)).toEqual(['Test page', 'Second section']);
      for (const s of sections) {
        expect(typesIn(s).has('definition')).toBe(false);
        expect(typesIn(s).has('linkReference')).toBe(false);
        expect(s.text.body).not.toContain('https://');
      }
    });

    it('counts the text of links as link text for the index', () => {
      expect(byHeading(sections, 'Second section').text.links).toEqual(['THE GUIDE', 'Shortcut']);
    });
  });

  describe('the shipped page', () => {
    let sections: Section[];
    beforeAll(async () => {
      const { pages } = await loadManual(SHIPPED_MANUAL_DIR, DEFAULT_BASE_URL);
      const shipped = pages.find((p) => p.file === 'tech-lead-responsibilities.html.md');
      if (!shipped) throw new Error('the shipped page is missing');
      sections = splitSections(shipped);
    });

    it('has the intro and 11 H2 sections', () => {
      expect(sections).toHaveLength(12);
      expect(sections[0]?.heading).toBe('Responsibilities of a Tech Lead');
      expect(sections[0]?.url).toBe('https://docs.publishing.service.gov.uk/manual/tech-lead-responsibilities.html');
    });

    it('resolves the three links of "Managing leavers", defined below the paragraph', () => {
      const leavers = byHeading(sections, 'Managing leavers');
      expect(leavers.url).toBe('https://docs.publishing.service.gov.uk/manual/tech-lead-responsibilities.html#managing-leavers');
      expect(leavers.line).toBe(35);
      expect(linksOf(leavers)).toEqual([
        ['user reviewer', 'https://github.com/alphagov/govuk-user-reviewer'],
        ['sample pr', 'https://github.com/alphagov/govuk-user-reviewer/pull/542'],
        ['leaver’s trello card', 'https://trello.com/c/IQIV54Pc/378-leaver'],
      ]);
      const text = renderText(leavers.content);
      expect(text).toContain('user reviewer (https://github.com/alphagov/govuk-user-reviewer)');
      expect(text).toContain('(https://trello.com/c/IQIV54Pc/378-leaver)');
    });
  });

  describe('HTML', () => {
    const sections = sectionsOf(
      [
        'Before the comment. <!-- an inline comment --> After the comment.',
        '',
        '<!--',
        'A block comment',
        'over lines',
        '-->',
        '',
        '<pre lang="mermaid">',
        'graph TD',
        '',
        '  Publisher --> ContentStore',
        '</pre>',
        '',
        'Deploy to <environment> with <your-app-name>, then <strong>check</strong> it.',
        '',
        '<div class="note">A <em>real</em> HTML block</div>',
      ].join('\n'),
    );
    const body = sections[0]?.text.body ?? '';

    it('drops comments and mermaid diagrams', () => {
      expect(body).toContain('Before the comment.');
      expect(body).toContain('After the comment.');
      expect(body).not.toMatch(/comment -->|<!--|block comment|over lines/);
      expect(body).not.toMatch(/mermaid|graph TD|ContentStore/);
    });

    it('keeps placeholders like <environment> in prose as text, and drops real tags', () => {
      expect(body).toContain('Deploy to <environment> with <your-app-name>, then check it.');
      expect(body).toContain('A real HTML block');
      expect(body).not.toMatch(/<\/?(strong|div|em)\b/);
    });

    it('leaves no raw HTML nodes in the content', () => {
      expect(typesIn(sections[0]!).has('html')).toBe(false);
    });

    it('keeps HTML shown in code as it is written', () => {
      const s = sectionsOf('Use:\n\n```html\n<!-- keep me -->\n<div>x</div>\n```\n\nand `<br>` inline.');
      expect(s[0]?.text.body).toContain('<!-- keep me --> <div>x</div>');
      expect(s[0]?.text.body).toContain('<br> inline');
    });
  });

  describe('callouts', () => {
    it('labels a > [!NOTE] callout "Note:" and drops the marker', () => {
      const s = sectionsOf('> [!NOTE]\n> Remember to rotate the keys.');
      expect(s[0]?.text.body).toBe('Note: Remember to rotate the keys.');
      expect(renderText(s[0]!.content)).toBe('> Note: Remember to rotate the keys.');
    });

    it('labels the other kinds too, with the text on the marker line', () => {
      const s = sectionsOf('> [!WARNING] This deletes data.\n\n> [!tip]\n> Use a dry run first.');
      expect(s[0]?.text.body).toBe('Warning: This deletes data. Tip: Use a dry run first.');
    });

    it('leaves an ordinary quote alone', () => {
      expect(sectionsOf('> Just a quote.')[0]?.text.body).toBe('Just a quote.');
    });
  });
});
