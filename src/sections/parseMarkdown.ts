import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

// One processor for the process: building it is the expensive part, parsing is per page.
const processor = unified().use(remarkParse).use(remarkGfm);

/** Markdown (CommonMark + GitHub's tables, strikethrough, autolinks) to an mdast tree. */
export function parseMarkdown(markdown: string): Root {
  return processor.runSync(processor.parse(markdown)) as Root;
}
