/**
 * The published URL of a page: `source/manual/X.html.md[.erb]` is served at `BASE/X.html`,
 * subfolders kept. Only the source extension goes, so `X.html.html.md` -> `X.html.html` and
 * `X.credentials.html.md` -> `X.credentials.html`, as the site publishes them.
 */
export function pageUrl(file: string, baseUrl: string): string {
  let name = file.replace(/\.md(\.erb)?$/, '');
  if (!name.endsWith('.html')) name += '.html';
  return `${baseUrl.replace(/\/+$/, '')}/${name.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * A heading's anchor, as the site makes it from the heading's HTML: lowercase, tags and
 * `&amp;`/`&lt;`/`&gt;` removed, characters outside `[a-z0-9_ .-]` dropped, spaces and dots to `-`,
 * runs of `-` collapsed. `text` is the heading's text (inline HTML tags left out by the caller);
 * it is escaped first, as the site's HTML would be, so `<env>` in code loses only its brackets.
 */
export function headingAnchor(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt);/g, '')
    .replace(/[^a-z0-9_\-. ]/g, '')
    .replace(/[ .]/g, '-')
    .replace(/-{2,}/g, '-');
}
