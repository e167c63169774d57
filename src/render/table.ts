/**
 * Rows of cells as aligned plain-text columns, for places that cannot draw tables (Slack, a
 * terminal). Cells are padded to the widest in their column; the header is underlined.
 */
export function alignTable(rows: string[][], maxWidth = 40): string {
  const clipped = rows.map((row) => row.map((cell) => (cell.length > maxWidth ? `${cell.slice(0, maxWidth - 1)}…` : cell)));
  const columns = Math.max(0, ...clipped.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(0, ...clipped.map((r) => (r[c] ?? '').length)));
  const line = (row: string[]) => widths.map((w, c) => (row[c] ?? '').padEnd(w)).join('  ').trimEnd();
  const [header, ...body] = clipped;
  if (!header) return '';
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
