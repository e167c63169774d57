import type { Blockquote, Root, Strong, Text } from 'mdast';
import { visit } from 'unist-util-visit';

const MARKER = /^\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/i;

/**
 * GitHub-style callouts (`> [!NOTE]`) keep their quote but lose the raw marker, which becomes a
 * bold label ("Note:") so the meaning survives in Slack and in plain text.
 */
export function labelCallouts(tree: Root): void {
  visit(tree, 'blockquote', (quote: Blockquote) => {
    const first = quote.children[0];
    if (first?.type !== 'paragraph') return;
    const text = first.children[0];
    if (text?.type !== 'text') return;
    const match = MARKER.exec(text.value);
    if (!match?.[1]) return;
    const kind = match[1].toLowerCase();
    const label: Strong = { type: 'strong', children: [{ type: 'text', value: `${kind[0]!.toUpperCase()}${kind.slice(1)}:` }] };
    const rest = text.value.slice(match[0].length);
    const restNodes: Text[] = rest ? [{ type: 'text', value: ` ${rest}` }] : [{ type: 'text', value: ' ' }];
    first.children.splice(0, 1, label, ...restNodes);
    // `[!NOTE]` on a line of its own: the soft line break after it is now a leading space.
    const next = first.children[2];
    if (!rest && next?.type === 'text') next.value = next.value.replace(/^\n/, '');
  });
}
