import type { Root } from 'mdast';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';

/**
 * GitHub's Markdown, as remark-gfm parses it, less the one part that costs most: remark-gfm's
 * tokenizer for bare URLs ("autolink literals"), the largest share of the time the whole manual
 * takes to parse (npm run bench, "parse and split"; docs/history.md). Bare URLs, `www.` addresses
 * and e-mail addresses still become links: mdast-util-gfm's own transform finds them in the text
 * after parsing. The trees differ only in the inner nodes' positions (which nothing here reads)
 * and where the two disagree about a bare URL's end; test/unit/parseMarkdown.test.ts holds what
 * matters.
 */
function gfmWithoutAutolinkTokenizer(this: Processor) {
  const data = this.data();
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), gfmTable(), gfmStrikethrough(), gfmFootnote(), gfmTaskListItem()];
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), gfmFromMarkdown()];
}

// One processor for the process: building it is the expensive part, parsing is per page.
const processor = unified().use(remarkParse).use(gfmWithoutAutolinkTokenizer);

/** Markdown (CommonMark + GitHub's tables, strikethrough, footnotes, task lists, autolinks) to an mdast tree. */
export function parseMarkdown(markdown: string): Root {
  return processor.runSync(processor.parse(markdown)) as Root;
}
