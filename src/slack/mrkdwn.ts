import type { List, Nodes, RootContent } from 'mdast';
import { toString as mdastText } from 'mdast-util-to-string';
import { tableRows } from '../render/renderText.js';
import { alignTable } from '../render/table.js';
import { escapeMrkdwn, mrkdwnLink } from './escape.js';

/**
 * mdast to Slack mrkdwn, one string per top-level block so long sections can be split between
 * blocks. Slack has no headings or tables: subheadings become bold lines, tables aligned code.
 */
export function toMrkdwnBlocks(nodes: RootContent[]): string[] {
  return nodes.map((n) => block(n)).filter((s) => s.trim() !== '');
}

function block(node: Nodes, depth = 0): string {
  switch (node.type) {
    case 'paragraph':
      return inline(node);
    case 'heading':
      return `*${inline(node, true)}*`;
    case 'list':
      return list(node, depth);
    case 'blockquote':
      return node.children.map((c) => block(c, depth)).join('\n').split('\n').map((l) => `> ${l}`).join('\n');
    case 'code':
      return codeBlock(node.value);
    case 'table':
      return codeBlock(alignTable(tableRows(node)));
    case 'thematicBreak':
      return '───';
    case 'html':
      return escapeMrkdwn(node.value);
    default:
      return inline(node);
  }
}

/** A fenced block; a fence inside the code would end it early, so it is broken up. */
export function codeBlock(code: string): string {
  return `\`\`\`\n${escapeMrkdwn(code.replace(/```/g, '`\u200b``'))}\n\`\`\``;
}

function list(node: List, depth: number): string {
  const indent = '    '.repeat(depth);
  const start = node.start ?? 1;
  return node.children
    .map((item, i) => {
      const bullet = node.ordered ? `${start + i}.` : depth % 2 ? '◦' : '•';
      const parts = item.children.map((child) => (child.type === 'list' ? block(child, depth + 1) : block(child, depth)));
      const [first = '', ...rest] = parts;
      return [`${indent}${bullet} ${first}`, ...rest.map((p) => (p.startsWith(indent) || p.startsWith('```') ? p : `${indent}  ${p}`))].join('\n');
    })
    .join('\n');
}

function inline(node: Nodes, inBold = false): string {
  switch (node.type) {
    case 'text':
      return escapeMrkdwn(node.value.replace(/\n/g, ' '));
    case 'inlineCode':
      return `\`${escapeMrkdwn(node.value.replace(/`/g, "'"))}\``;
    case 'break':
      return '\n';
    case 'strong':
      return inBold ? children(node, inBold) : wrap('*', children(node, true));
    case 'emphasis':
      return wrap('_', children(node, inBold));
    case 'delete':
      return wrap('~', children(node, inBold));
    case 'link':
      // Slack does not format inside a link's label: its plain text, escaped once by mrkdwnLink.
      // ("use_v1" and "a & b" read as written, not "usev1" and "a &amp;amp; b".)
      return mrkdwnLink(node.url, mdastText(node));
    case 'image':
      return mrkdwnLink(node.url, node.alt || 'image');
    case 'html':
      return escapeMrkdwn(node.value);
    default:
      return 'children' in node ? children(node, inBold) : '';
  }
}

function children(node: Nodes, inBold: boolean): string {
  return 'children' in node ? (node.children as Nodes[]).map((c) => inline(c, inBold)).join('') : '';
}

/** Slack only formats `*x*` when the marks hug the text: move surrounding spaces outside. */
function wrap(mark: string, text: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  if (!m?.[2]) return text;
  return `${m[1]}${mark}${m[2]}${mark}${m[3]}`;
}
