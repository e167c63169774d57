import type { Definition, Image, Link, Nodes, Parent, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

/**
 * Turns reference links (`[text][id]`, `[text][]`, `[text]`) and reference images into plain links
 * and images, using the page's definitions wherever they stand, then drops the definitions.
 * Labels match case-insensitively (mdast `identifier`s are already normalised).
 * Done on the whole page before it is split, because a definition often sits in another section.
 */
export function resolveReferences(tree: Root): void {
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node) => {
    // CommonMark: the first definition of a label wins.
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  });

  visit(tree, (node: Nodes, index, parent: Parent | undefined) => {
    if (!parent || index === undefined) return;
    if (node.type === 'definition') {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.type === 'linkReference' || node.type === 'imageReference') {
      const def = definitions.get(node.identifier);
      if (!def) return;
      const replacement: Link | Image =
        node.type === 'linkReference'
          ? { type: 'link', url: def.url, title: def.title ?? null, children: node.children, position: node.position }
          : { type: 'image', url: def.url, title: def.title ?? null, alt: node.alt ?? null, position: node.position };
      parent.children[index] = replacement as (typeof parent.children)[number];
    }
    return undefined;
  });
}
