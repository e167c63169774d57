import type { ManualIndex } from '../load/loadManualIndex.js';
import { headingAnchor } from '../manual/pageUrl.js';
import type { PageOutline } from '../sections/pageOutline.js';
import type { Section } from '../sections/types.js';

/** What a link into the manual points at: a section of a page, or a page as a whole. */
export type LinkTarget = { kind: 'section'; section: Section; outline: PageOutline } | { kind: 'page'; outline: PageOutline };

/** A URL reduced to what identifies a place in the manual. */
interface LinkKey {
  host: string;
  path: string;
  anchor: string;
}

interface PageLinks {
  outline: PageOutline;
  /** Section anchors first, then the anchors of their H3+ subheadings, each to its section. */
  anchors: Map<string, Section>;
}

interface LinkIndex {
  host: string;
  /** The base URL's path ("/manual"): pages are below it. */
  basePath: string;
  pages: Map<string, PageLinks>;
}

/**
 * A URL as the manual's own links would be written, so the same place matches however it was
 * pasted: http or https, with or without `www.`, a trailing slash, `.html`, a query string
 * (`?utm_source=...`) or percent-encoding. Undefined for anything that is not an http(s) URL.
 */
function keyOf(url: string): LinkKey | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const segments = parsed.pathname.split('/').map(decodeSafely);
  const path = segments
    .join('/')
    .replace(/\/+$/, '')
    .replace(/\.html$/, '');
  return { host: parsed.hostname.toLowerCase().replace(/^www\./, ''), path, anchor: decodeSafely(parsed.hash.slice(1)).toLowerCase() };
}

/** `%20` -> ` `; text that is not valid percent-encoding is kept as it is. */
function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const indexes = new WeakMap<ManualIndex, LinkIndex>();

/** The manual's pages by their URL, built once per loaded manual (a reload builds it again). */
function linkIndex(manual: ManualIndex): LinkIndex {
  let index = indexes.get(manual);
  if (index) return index;
  const base = keyOf(manual.baseUrl);
  index = { host: base?.host ?? '', basePath: base?.path ?? '', pages: new Map() };
  for (const outline of manual.pages.values()) {
    const key = keyOf(outline.page.url);
    if (!key) continue;
    const anchors = new Map<string, Section>();
    // A repeated heading has the same anchor on the site, where it leads to the first one.
    for (const s of outline.sections) if (!anchors.has(s.anchor)) anchors.set(s.anchor, s);
    // A link to a subheading ("#rotate-the-keys" under "## Credentials") shows the section it is in.
    for (const s of outline.sections) {
      for (const sub of s.text.subheadings) {
        const anchor = headingAnchor(sub);
        if (anchor && !anchors.has(anchor)) anchors.set(anchor, s);
      }
    }
    index.pages.set(key.path, { outline, anchors });
  }
  indexes.set(manual, index);
  return index;
}

/** The host links into the manual are on (from MANUAL_BASE_URL), without `www.`. */
export function manualHost(manual: ManualIndex): string {
  return linkIndex(manual).host;
}

/**
 * The page or section of the loaded manual a URL points at; undefined for another site, another
 * part of the site, or a page this manual does not have. A known page with an anchor the bot does
 * not know (a heading renamed since the link was made) is the page.
 */
export function findLinkTarget(manual: ManualIndex, url: string): LinkTarget | undefined {
  const key = keyOf(url);
  const index = linkIndex(manual);
  if (!key || !index.host || key.host !== index.host || !key.path.startsWith(`${index.basePath}/`)) return undefined;
  const page = index.pages.get(key.path);
  if (!page) return undefined;
  const section = key.anchor ? page.anchors.get(key.anchor) : undefined;
  return section ? { kind: 'section', section, outline: page.outline } : { kind: 'page', outline: page.outline };
}
