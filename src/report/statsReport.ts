import type { DayStats, PageStats } from '../store/recordStore.js';

/** `techlead stats`: questions per day, and per page how many were answered and how many found helpful. */
export interface StatsJson {
  since: string;
  days: { day: string; questions: number; answered: number; answerRate: number | null }[];
  pages: { page: string | null; pageUrl: string | null; questions: number; answered: number; answerRate: number | null; helpful: number; notHelpful: number; helpfulRate: number | null }[];
}

const rate = (part: number, whole: number): number | null => (whole ? Math.round((part / whole) * 1000) / 1000 : null);
const percent = (r: number | null): string => (r === null ? '-' : `${Math.round(r * 100)}%`);

export function statsJson(since: Date, stats: { days: DayStats[]; pages: PageStats[] }): StatsJson {
  return {
    since: since.toISOString(),
    days: stats.days.map((d) => ({ ...d, answerRate: rate(d.answered, d.questions) })),
    pages: stats.pages.map((p) => ({
      page: p.page?.title ?? null,
      pageUrl: p.page?.url ?? null,
      questions: p.questions,
      answered: p.answered,
      answerRate: rate(p.answered, p.questions),
      helpful: p.helpful,
      notHelpful: p.notHelpful,
      helpfulRate: rate(p.helpful, p.helpful + p.notHelpful),
    })),
  };
}

export function statsText(since: Date, stats: { days: DayStats[]; pages: PageStats[] }): string {
  const json = statsJson(since, stats);
  const total = json.days.reduce((n, d) => n + d.questions, 0);
  const answered = json.days.reduce((n, d) => n + d.answered, 0);
  const lines = [`Since ${json.since.slice(0, 10)} (UTC days): ${total} question${total === 1 ? '' : 's'}, ${answered} answered (${percent(rate(answered, total))}).`];
  if (!total && !json.pages.length) return lines[0]!;
  lines.push('', 'Questions per day', '  day           asked  answered  rate');
  for (const d of json.days) lines.push(`  ${d.day}  ${String(d.questions).padStart(6)}  ${String(d.answered).padStart(8)}  ${percent(d.answerRate).padStart(4)}`);
  const width = Math.min(50, Math.max(15, ...json.pages.map((p) => (p.page ?? '(no page close)').length)));
  lines.push('', 'Per page', `  ${'page'.padEnd(width)}  asked  answered  rate  helpful  not helpful  helpful rate`);
  for (const p of json.pages) {
    const name = (p.page ?? '(no page close)').slice(0, width).padEnd(width);
    lines.push(
      `  ${name}  ${String(p.questions).padStart(5)}  ${String(p.answered).padStart(8)}  ${percent(p.answerRate).padStart(4)}  ${String(p.helpful).padStart(7)}  ${String(p.notHelpful).padStart(11)}  ${percent(p.helpfulRate).padStart(12)}`,
    );
  }
  return lines.join('\n');
}
