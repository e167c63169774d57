/** What a manual page says about itself in its front matter. */
export interface PageMeta {
  title: string;
  ownerSlack?: string;
  section?: string;
  parent?: string;
  type?: string;
  important?: boolean;
}

/** One page of the manual, read and split from its front matter but not yet parsed. */
export interface ManualPage {
  /** Path relative to the manual folder, with `/` separators, e.g. `alerts/foo.html.md`. */
  file: string;
  meta: PageMeta;
  /** The Markdown after the front matter (ERB already removed for `.erb` pages). */
  markdown: string;
  /** 1-based line of the file on which `markdown` starts, so problems can be reported by file line. */
  bodyLine: number;
  /** Published URL of the page, without an anchor. */
  url: string;
}

/** Something wrong with one file, reported and then skipped. */
export interface Problem {
  file: string;
  line?: number;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`;
}
