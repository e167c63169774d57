import type { List, Nodes, Table } from 'mdast';
import { plainText } from '../sections/plainText.js';
import { alignTable } from './table.js';

/**
 * A section's mdast as text for a terminal: paragraphs and lists as written, links as
 * "text (url)", code indented, tables aligned. Used by the command line.
 */
export function renderText(node: Nodes): string {
  return block(node).replace(/\n{3,}/g, '\n\n').trim();
}

function block(node: Nodes): string {
  switch (node.type) {
    case 'root':
      return node.children.map(block).filter(Boolean).join('\n\n');
    case 'paragraph':
      return inline(node);
    case 'heading':
      return `${'#'.repeat(node.depth)} ${inline(node)}`;
    case 'list':
      return list(node);
    case 'blockquote':
      return node.children.map(block).join('\n\n').split('\n').map((l) => `> ${l}`).join('\n');
    case 'code':
      return node.value.split('\n').map((l) => `    ${l}`).join('\n');
    case 'table':
      return indentBlock(alignTable(tableRows(node)));
    case 'thematicBreak':
      return '---';
    default:
      return inline(node);
  }
}

function indentBlock(text: string): string {
  return text.split('\n').map((l) => `    ${l}`).join('\n');
}

export function tableRows(table: Table): string[][] {
  return table.children.map((row) => row.children.map((cell) => plainText(cell).replace(/\s+/g, ' ').trim()));
}

function list(node: List): string {
  const start = node.start ?? 1;
  return node.children
    .map((item, i) => {
      const bullet = node.ordered ? `${start + i}. ` : '- ';
      const body = item.children.map(block).join('\n\n');
      const [first = '', ...rest] = body.split('\n');
      return [bullet + first, ...rest.map((l) => (l ? ' '.repeat(bullet.length) + l : l))].join('\n');
    })
    .join('\n');
}

function inline(node: Nodes): string {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'inlineCode':
      return `\`${node.value}\``;
    case 'break':
      return '\n';
    case 'link': {
      const text = node.children.map(inline).join('');
      return text && text !== node.url ? `${text} (${node.url})` : node.url;
    }
    case 'image':
      return node.alt ? `[image: ${node.alt}]` : '';
    case 'html':
      return node.value;
    default:
      return 'children' in node ? (node.children as Nodes[]).map(inline).join('') : '';
  }
}
