import type { Nodes } from 'mdast';

/**
 * The text a reader sees in a node, with spaces between blocks so words never run together.
 * Images count by their alt text; HTML has already been cleaned to text.
 */
export function plainText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
    case 'html':
      return node.value;
    case 'image':
      return node.alt ?? '';
    case 'break':
      return '\n';
    default:
      if ('children' in node) {
        const sep = node.type === 'paragraph' || node.type === 'heading' || node.type === 'link' ||
          node.type === 'emphasis' || node.type === 'strong' || node.type === 'delete' ? '' : ' ';
        return (node.children as Nodes[]).map(plainText).join(sep);
      }
      return '';
  }
}
