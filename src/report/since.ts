/** `--since`: a duration back from now (`7d`, `24h`, `2w`) or a date or time (`2026-12-01`, ISO 8601). */
export function parseSince(text: string, now: Date): Date | undefined {
  const duration = /^(\d{1,5})([hdw])$/.exec(text.trim());
  if (duration) {
    const hours = { h: 1, d: 24, w: 24 * 7 }[duration[2] as 'h' | 'd' | 'w'];
    return new Date(now.getTime() - Number(duration[1]) * hours * 3_600_000);
  }
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text.trim())) return undefined;
  // A date alone is midnight UTC, as the store's days are.
  const date = new Date(text.trim().length === 10 ? `${text.trim()}T00:00:00Z` : text.trim());
  return Number.isNaN(date.getTime()) || date > now ? undefined : date;
}

export const SINCE_HELP = 'a duration such as 7d, 24h or 2w, or a date such as 2026-12-01';
