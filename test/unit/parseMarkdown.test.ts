import { describe, expect, it } from '@jest/globals';
import type { Link, Parent, RootContent } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { parseMarkdown } from '../../src/sections/parseMarkdown.js';

const children = (node: Parent): RootContent[] => node.children;
const links = (node: Parent): Link[] =>
  children(node).flatMap((c) => (c.type === 'link' ? [c] : 'children' in c ? links(c as Parent) : []));

describe('parseMarkdown: GitHub Markdown as the manual is written', () => {
  it('finds bare URLs, www. addresses and e-mail addresses as links, with the sentence\'s full stop outside', () => {
    const tree = parseMarkdown('See https://docs.publishing.service.gov.uk/manual.html. Or www.gov.uk, or mail govuk-fact-check@digital.cabinet-office.gov.uk.');
    expect(links(tree).map((l) => [l.url, textOf(l)])).toEqual([
      ['https://docs.publishing.service.gov.uk/manual.html', 'https://docs.publishing.service.gov.uk/manual.html'],
      ['http://www.gov.uk', 'www.gov.uk'],
      ['mailto:govuk-fact-check@digital.cabinet-office.gov.uk', 'govuk-fact-check@digital.cabinet-office.gov.uk'],
    ]);
  });

  it('leaves a URL in code alone', () => {
    const tree = parseMarkdown('Run `curl https://example.com/x` and\n\n```\nhttps://example.com/y\n```');
    expect(links(tree)).toEqual([]);
  });

  it('parses tables, strikethrough, footnotes and task lists', () => {
    const tree = parseMarkdown('| a | b |\n| - | - |\n| 1 | 2 |\n\n~~old~~ new[^1]\n\n[^1]: A note.\n\n- [x] done\n- [ ] to do');
    const types = children(tree).map((c) => c.type);
    expect(types).toEqual(['table', 'paragraph', 'footnoteDefinition', 'list']);
    const paragraph = children(tree)[1] as Parent;
    expect(children(paragraph).map((c) => c.type)).toEqual(['delete', 'text', 'footnoteReference']);
    const list = children(tree)[3] as Parent;
    expect(children(list).map((item) => (item as { checked?: boolean | null }).checked)).toEqual([true, false]);
  });

  it('keeps the line of each block, which problems and sections report', () => {
    const tree = parseMarkdown('# Title\n\nText\n\n## Section\n');
    expect(children(tree).map((c) => c.position?.start.line)).toEqual([1, 3, 5]);
  });
});
