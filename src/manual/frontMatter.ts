import matter from 'gray-matter';
import yaml from 'js-yaml';
import type { PageMeta } from './types.js';

export type FrontMatterResult =
  | { ok: true; meta: PageMeta; markdown: string; bodyLine: number }
  | { ok: false; line?: number; message: string };

// The site (Middleman) keeps the last value of a repeated key; js-yaml's `json` mode does the same
// instead of throwing, which gray-matter's default engine does.
const engines = {
  yaml: {
    parse: (text: string): object => (yaml.load(text, { json: true }) ?? {}) as object,
    stringify: (data: object): string => yaml.dump(data),
  },
};

function optionalString(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return String(value).trim() || undefined;
}

/** Reads a page's YAML front matter. `title` is required; the fields the bot uses are kept. */
export function parseFrontMatter(text: string): FrontMatterResult {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // An options object also switches off gray-matter's cache, which would keep every page in memory.
    parsed = matter(text, { engines });
  } catch (err) {
    const mark = (err as { mark?: { line?: number } }).mark;
    // gray-matter hands js-yaml the text from just after the opening `---`, so js-yaml's line 0
    // (it counts from 0) is the rest of the file's line 1, and its line n is the file's line n + 1.
    const line = typeof mark?.line === 'number' ? mark.line + 1 : undefined;
    const reason = (err as { reason?: string }).reason ?? (err as Error).message.split('\n')[0];
    return { ok: false, line, message: `front matter is not valid YAML: ${reason}` };
  }
  const data = parsed.data as Record<string, unknown>;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, line: 1, message: 'front matter must be a YAML mapping' };
  }
  const title = optionalString(data.title);
  if (!title) return { ok: false, line: 1, message: 'front matter has no `title`' };

  const body = parsed.content;
  const bodyLine = text.slice(0, text.length - body.length).split('\n').length;
  const meta: PageMeta = { title };
  const ownerSlack = optionalString(data.owner_slack);
  if (ownerSlack) meta.ownerSlack = ownerSlack;
  const section = optionalString(data.section);
  if (section) meta.section = section;
  const parent = optionalString(data.parent);
  if (parent) meta.parent = parent;
  const type = optionalString(data.type);
  if (type) meta.type = type;
  if (data.important !== undefined) meta.important = data.important === true || data.important === 'true';
  return { ok: true, meta, markdown: body, bodyLine };
}
