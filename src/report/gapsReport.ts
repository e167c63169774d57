import type { GapSummary } from '../store/recordStore.js';

/**
 * The gaps report: questions the manual did not answer (declined), was not sure about (offered),
 * or answered unhelpfully, grouped by the page nearest them and its owner channel, most-asked
 * first.
 */
export interface GapsJson {
  since: string;
  questions: { question: string; reason: GapSummary['reason']; count: number; page: string | null; pageUrl: string | null; owner: string; lastAsked: string }[];
}

export function gapsJson(since: Date, gaps: GapSummary[]): GapsJson {
  return {
    since: since.toISOString(),
    questions: gaps.map((g) => ({
      question: g.question,
      reason: g.reason,
      count: g.count,
      page: g.page?.title ?? null,
      pageUrl: g.page?.url ?? null,
      owner: g.owner,
      lastAsked: g.lastAsked.toISOString(),
    })),
  };
}

/** One page's (or "no page close"'s) questions, for one owner channel. */
export interface GapGroup {
  owner: string;
  page?: GapSummary['page'];
  count: number;
  lastAsked: Date;
  questions: GapSummary[];
}

/** Groups by page and owner, the most-asked group first (ties: the most recently asked). */
export function groupGaps(gaps: GapSummary[]): GapGroup[] {
  const groups = new Map<string, GapGroup>();
  for (const g of gaps) {
    const key = `${g.page?.url ?? ''}\u0000${g.owner}`;
    let group = groups.get(key);
    if (!group) {
      group = { owner: g.owner, ...(g.page ? { page: g.page } : {}), count: 0, lastAsked: g.lastAsked, questions: [] };
      groups.set(key, group);
    }
    group.count += g.count;
    if (g.lastAsked > group.lastAsked) group.lastAsked = g.lastAsked;
    group.questions.push(g);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.lastAsked.getTime() - a.lastAsked.getTime());
}

/** `2026-12-07 10:32 UTC` */
export function shortTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const REASON_WIDTH = 'unhelpful'.length;

/** The report as a person reads it in a terminal. */
export function gapsText(since: Date, gaps: GapSummary[]): string {
  const asks = gaps.reduce((n, g) => n + g.count, 0);
  const head = `Questions the manual did not answer, or answered unhelpfully, since ${shortTime(since)}`;
  if (!gaps.length) return `${head}: none.`;
  const lines = [`${head}: ${gaps.length} question${gaps.length === 1 ? '' : 's'}, asked ${asks} time${asks === 1 ? '' : 's'}.`];
  for (const group of groupGaps(gaps)) {
    lines.push('', `${group.page ? group.page.title : '(no page close)'}  ${group.owner}  ${group.count} asked, last ${shortTime(group.lastAsked)}`);
    if (group.page) lines.push(`  ${group.page.url}`);
    for (const q of group.questions) {
      lines.push(`  ${String(q.count).padStart(4)}  ${q.reason.padEnd(REASON_WIDTH)}  ${oneLine(q.question)}  (last ${shortTime(q.lastAsked)})`);
    }
  }
  return lines.join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
