import type { Heading, Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { headingAnchor } from '../manual/pageUrl.js';

/** Heading text as the site's anchor sees it: raw HTML tags (even unknown ones like `<env>`) are not text there. */
function anchorText(node: Nodes): string {
  if (node.type === 'html') return '';
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(anchorText).join('');
  return '';
}

/**
 * Gives every heading its anchor (`data.id`), before HTML is cleaned to text, because the site
 * computes anchors from the heading's HTML. Repeated headings get the same anchor, as on the site.
 */
export function anchorHeadings(tree: Root): void {
  visit(tree, 'heading', (heading: Heading) => {
    heading.data = { ...heading.data, id: headingAnchor(anchorText(heading)) } as Heading['data'];
  });
}

export function anchorOf(heading: Heading): string {
  return (heading.data as { id?: string } | undefined)?.id ?? headingAnchor(anchorText(heading));
}
