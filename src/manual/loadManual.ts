import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { stripErb } from './erb.js';
import { findPageFiles } from './findPageFiles.js';
import { parseFrontMatter } from './frontMatter.js';
import { pageUrl } from './pageUrl.js';
import type { ManualPage, Problem } from './types.js';

export interface LoadedManual {
  pages: ManualPage[];
  problems: Problem[];
}

/** The manual folder has no page the bot can use; `problems` says what was wrong with each file. */
export class NoPagesError extends Error {
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

/**
 * Reads every page under `dir`. A page that cannot be read or parsed is reported in `problems`
 * (file and line) and skipped, so one bad page never takes the rest of the manual down.
 * A folder with no pages at all is an error: the bot would have nothing to answer from.
 */
export async function loadManual(dir: string, baseUrl: string): Promise<LoadedManual> {
  let files: string[];
  try {
    files = await findPageFiles(dir);
  } catch (err) {
    throw new NoPagesError(`cannot read the manual folder ${dir}: ${(err as Error).message}`);
  }
  if (files.length === 0) {
    throw new NoPagesError(`no manual pages (*.md, *.html.md, *.html.md.erb) found in ${path.resolve(dir)}`);
  }
  const pages: ManualPage[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(path.join(dir, file), 'utf8');
    } catch (err) {
      problems.push({ file, message: `cannot be read: ${(err as Error).message}` });
      continue;
    }
    const fm = parseFrontMatter(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
    if (!fm.ok) {
      problems.push({ file, line: fm.line, message: fm.message });
      continue;
    }
    const markdown = file.endsWith('.erb') ? stripErb(fm.markdown) : fm.markdown;
    pages.push({ file, meta: fm.meta, markdown, bodyLine: fm.bodyLine, url: pageUrl(file, baseUrl) });
  }
  return { pages, problems };
}
