import type { Html, Nodes, Paragraph, Parent, PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

// Elements a page might use as real HTML. Anything else in angle brackets in prose, such as
// `<environment>` or `<your-app-name>`, is a placeholder the author meant to be read as text.
const HTML_ELEMENTS = new Set(
  ('a abbr address article aside b blockquote br caption cite code col colgroup dd del details dfn div dl dt em ' +
    'figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i iframe img input ins kbd label li main mark nav ol p ' +
    'picture pre q s samp script section small source span strong style sub summary sup table tbody td tfoot th ' +
    'thead time tr tt u ul var video wbr').split(' '),
);

const TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?\/?>/g;
const DROP_WHOLE = /<!--[\s\S]*?-->|<(script|style|iframe)\b[\s\S]*?<\/\1\s*>|<pre\b[^>]*\blang=["']?mermaid["']?[^>]*>[\s\S]*?<\/pre\s*>/gi;

/** Text a reader sees in a piece of HTML: comments, scripts and diagrams gone, real tags gone, placeholders kept. */
export function htmlToText(html: string): string {
  return html
    .replace(DROP_WHOLE, '')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(TAG, (tag: string, name: string) => (HTML_ELEMENTS.has(name.toLowerCase()) ? '' : tag))
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Replaces raw HTML in the tree by what a reader sees: block HTML becomes a paragraph of its text
 * (or goes, if it shows nothing, like a comment or a mermaid diagram), inline HTML becomes text.
 * Slack cannot render HTML, and the index should not see tag names.
 */
export function cleanHtml(tree: Root): void {
  visit(tree, 'html', (node: Html, index, parent: Parent | undefined) => {
    if (!parent || index === undefined) return;
    const text = htmlToText(node.value);
    const inline = ['paragraph', 'heading', 'emphasis', 'strong', 'link', 'delete', 'tableCell'].includes(parent.type);
    if (inline) {
      if (text === '') {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      const replacement: Text = { type: 'text', value: text, position: node.position };
      (parent.children as Nodes[])[index] = replacement;
      return SKIP;
    }
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (trimmed === '') {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    const paragraph: Paragraph = {
      type: 'paragraph',
      children: [{ type: 'text', value: trimmed } as PhrasingContent],
      position: node.position,
    };
    (parent.children as Nodes[])[index] = paragraph;
    return SKIP;
  });
}
