import type { Heading, Link, Nodes, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { ManualPage } from '../manual/types.js';
import { absoluteLinks } from './absoluteLinks.js';
import { anchorHeadings, anchorOf } from './anchorHeadings.js';
import { labelCallouts } from './callouts.js';
import { cleanHtml } from './cleanHtml.js';
import { parseMarkdown } from './parseMarkdown.js';
import { plainText } from './plainText.js';
import { resolveReferences } from './resolveReferences.js';
import type { Section, SectionPage, SectionText } from './types.js';

/**
 * A page's sections. The text before the first top-level heading is the intro, headed by the page
 * title; each H2 starts a section that keeps its H3+ subsections. A few pages use H1s in the body
 * as their top-level headings, so an H1 starts a section too. Sections with nothing under their
 * heading (a heading that only groups the H2s after it) are left out: they cannot answer anything.
 */
export function splitSections(page: ManualPage): Section[] {
  const tree = parseMarkdown(page.markdown);
  resolveReferences(tree);
  absoluteLinks(tree, page.url);
  anchorHeadings(tree);
  cleanHtml(tree);
  labelCallouts(tree);

  const pageInfo: SectionPage = { file: page.file, title: page.meta.title, url: page.url };
  if (page.meta.ownerSlack) pageInfo.ownerSlack = page.meta.ownerSlack;
  if (page.meta.section) pageInfo.section = page.meta.section;

  const groups: { heading?: Heading; nodes: RootContent[] }[] = [{ nodes: [] }];
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) groups.push({ heading: node, nodes: [] });
    else groups[groups.length - 1]!.nodes.push(node);
  }

  const sections: Section[] = [];
  for (const group of groups) {
    if (group.nodes.length === 0) continue;
    const content: Root = { type: 'root', children: group.nodes };
    const heading = group.heading ? plainText(group.heading).replace(/\s+/g, ' ').trim() : page.meta.title;
    const anchor = group.heading ? anchorOf(group.heading) : '';
    const url = anchor ? `${page.url}#${anchor}` : page.url;
    const startLine = (group.heading ?? group.nodes[0])?.position?.start.line ?? 1;
    sections.push({
      id: url,
      page: pageInfo,
      heading: heading || page.meta.title,
      anchor,
      url,
      line: page.bodyLine + startLine - 1,
      content,
      text: sectionText(content),
    });
  }
  return sections;
}

function sectionText(content: Root): SectionText {
  const subheadings: string[] = [];
  const links: string[] = [];
  visit(content, (node: Nodes) => {
    if (node.type === 'heading') subheadings.push(plainText(node));
    if (node.type === 'link') links.push(plainText(node as Link));
  });
  return { subheadings, links, body: plainText(content).replace(/\s+/g, ' ').trim() };
}
