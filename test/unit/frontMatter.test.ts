import { describe, expect, it } from '@jest/globals';
import { type FrontMatterResult, parseFrontMatter } from '../../src/manual/frontMatter.js';

/** The result, asserting it is a success (so the test reads as what the page says). */
function ok(text: string): Extract<FrontMatterResult, { ok: true }> {
  const result = parseFrontMatter(text);
  if (!result.ok) throw new Error(`expected front matter to parse, got: ${result.message} (line ${result.line})`);
  return result;
}

function problem(text: string): Extract<FrontMatterResult, { ok: false }> {
  const result = parseFrontMatter(text);
  if (result.ok) throw new Error(`expected a problem, got ${JSON.stringify(result.meta)}`);
  return result;
}

describe('parseFrontMatter', () => {
  it('keeps the fields the bot uses from a page like the shipped one', () => {
    const result = ok(
      [
        '---',
        'owner_slack: "#govuk-tech-leads"',
        'title: Responsibilities of a Tech Lead',
        'section: Learning GOV.UK',
        'layout: manual_layout',
        'type: learn',
        'parent: "/manual.html"',
        'important: true',
        '---',
        '',
        'Tech leading is a role.',
      ].join('\n'),
    );
    expect(result.meta).toEqual({
      title: 'Responsibilities of a Tech Lead',
      ownerSlack: '#govuk-tech-leads',
      section: 'Learning GOV.UK',
      parent: '/manual.html',
      type: 'learn',
      important: true,
    });
    // Fields the bot does not use (layout) are not carried.
    expect(result.meta).not.toHaveProperty('layout');
    expect(result.markdown.trim()).toBe('Tech leading is a role.');
  });

  it('says on which file line the body starts', () => {
    // Lines: 1 ---, 2 title, 3 section, 4 ---, 5 (blank), 6 body.
    const result = ok('---\ntitle: A page\nsection: Testing\n---\n\nFirst paragraph.\n');
    expect(result.bodyLine).toBe(5);
    const lines = result.markdown.split('\n');
    expect(lines[6 - result.bodyLine]).toBe('First paragraph.');
  });

  it('reads `important` as a boolean, also when quoted', () => {
    expect(ok('---\ntitle: X\nimportant: "true"\n---\n').meta.important).toBe(true);
    expect(ok('---\ntitle: X\nimportant: false\n---\n').meta.important).toBe(false);
    expect(ok('---\ntitle: X\n---\n').meta.important).toBeUndefined();
  });

  it('reports a page with no title', () => {
    const result = problem('---\nowner_slack: "#team"\nsection: Alerts\n---\n\nBody\n');
    expect(result.message).toMatch(/title/);
    expect(result.line).toBe(1);
  });

  it('reports a page with a blank title or no front matter at all', () => {
    expect(problem('---\ntitle: "   "\n---\nBody\n').message).toMatch(/title/);
    expect(problem('Just some Markdown, no front matter.\n').message).toMatch(/title/);
    expect(problem('---\n---\nBody\n').message).toMatch(/title/);
  });

  it('reports front matter that is not a mapping', () => {
    expect(problem('---\n- a\n- b\n---\nBody\n').message).toMatch(/mapping/);
  });

  describe('broken YAML', () => {
    it('is reported with the file line of the error, counting the opening --- as line 1', () => {
      // Line 3 is a plain scalar containing ": ", which YAML cannot read as a value.
      const result = problem('---\nowner_slack: "#team"\ntitle: Tech leads: what they do\nsection: Learning\n---\nBody\n');
      expect(result.message).toMatch(/not valid YAML/);
      expect(result.line).toBe(3);
    });

    it('points at a badly indented line', () => {
      // Lines: 1 ---, 2 title, 3 section, 4 "  parent: ..." (bad indentation).
      const result = problem('---\ntitle: Foo\nsection: X\n  parent: /manual.html\n---\nBody\n');
      expect(result.message).toMatch(/indentation/);
      expect(result.line).toBe(4);
    });

    it('points at the end of the front matter for an unclosed quote, not into the body', () => {
      // The quote opened on line 3 never closes, so YAML only notices at the end (the closing --- on line 5).
      const result = problem('---\ntitle: Foo\nowner_slack: "#team\nsection: X\n---\nBody\n');
      expect(result.message).toMatch(/not valid YAML/);
      expect(result.line).toBe(5);
    });
  });

  it('keeps the last value of a repeated key, as the site does', () => {
    // As alerts/whitehall-scheduled-publishing.html.md.erb in the real manual.
    const result = ok('---\ntitle: Whitehall scheduled publishing\nsection: Monitoring and alerting\nlayout: manual_layout\nsection: Alerts\n---\n\nBody\n');
    expect(result.meta.section).toBe('Alerts');
    expect(result.meta.title).toBe('Whitehall scheduled publishing');
  });

  it('reads unquoted titles, including ones YAML would read as other types', () => {
    expect(ok('---\ntitle: Add a new document type\n---\n').meta.title).toBe('Add a new document type');
    expect(ok('---\ntitle: 2nd line support\n---\n').meta.title).toBe('2nd line support');
    expect(ok('---\ntitle: 404\n---\n').meta.title).toBe('404');
    expect(ok("---\ntitle: 'Quoted: with a colon'\n---\n").meta.title).toBe('Quoted: with a colon');
  });

  it('accepts flow and block lists in fields it does not use', () => {
    const result = ok(
      ['---', 'title: Lists', 'tags:', '  - alerts', '  - publishing', 'related: [search, whitehall]', 'owner_slack: "#team"', '---', '', 'Body'].join('\n'),
    );
    expect(result.meta).toEqual({ title: 'Lists', ownerSlack: '#team' });
    expect(result.markdown.trim()).toBe('Body');
  });
});
