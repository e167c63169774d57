import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * Makes relative links absolute against the page's published URL (`/manual/x.html#y`,
 * `#anchor`, `other.html`): an answer is read in Slack or a terminal, where a relative link
 * goes nowhere.
 */
export function absoluteLinks(tree: Root, pageUrl: string): void {
  visit(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'image') return;
    if (/^[a-z][a-z0-9+.-]*:/i.test(node.url)) return;
    try {
      node.url = new URL(node.url, pageUrl).toString();
    } catch {
      // Not a URL we can make sense of: leave it as written.
    }
  });
}
