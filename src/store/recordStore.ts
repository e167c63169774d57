import type { AnswerKind } from '../answer/decide.js';

/**
 * What the bot keeps about the questions it is asked, and the one interface both stores (the
 * embedded SQLite file and PostgreSQL) implement. No Slack user id, name or channel is ever part
 * of a record: a vote is keyed by a keyed hash (see voteKey.ts), and question text is kept only
 * for questions that reach the gaps report.
 */

/** Why a question is in the gaps report. */
export type GapReason = 'declined' | 'offered' | 'unhelpful';

/** A page of the manual as a record names it: its URL (the key) and its title at the time. */
export interface PageRef {
  url: string;
  title: string;
}

/** Questions asked on one day (UTC, YYYY-MM-DD) nearest one page, by how they were answered. No text. */
export interface QuestionCount {
  day: string;
  /** Undefined when no page was close to the questions. */
  page?: PageRef;
  outcome: AnswerKind;
  count: number;
}

/** A question the manual did not answer, or whose answer did not help, for the report. */
export interface GapRecord {
  /** Slack markup and mentions stripped (see cleanQuestion). */
  question: string;
  reason: GapReason;
  page?: PageRef;
  /** The channel it is routed to: the page's owner_slack, or the default owner channel. */
  owner: string;
  at: Date;
}

/** A click on Helpful or Not helpful. One per person and answer: `key` says which (see voteKey.ts). */
export interface VoteRecord {
  key: string;
  helpful: boolean;
  /** The section (or page) answered with: its URL. */
  section: string;
  page?: PageRef;
  owner: string;
  /** Kept only for a not-helpful vote, which puts the question in the report. */
  question?: string;
  at: Date;
}

/** Records written together, in one transaction. */
export interface RecordBatch {
  counts: QuestionCount[];
  gaps: GapRecord[];
  votes: VoteRecord[];
}

/** What a claim is for: how long it is kept differs. */
export type ClaimKind = 'event' | 'ask';

/** One line of the gaps report: a question (grouped case-insensitively), why, and how often. */
export interface GapSummary {
  question: string;
  reason: GapReason;
  count: number;
  page?: PageRef;
  owner: string;
  lastAsked: Date;
}

export interface DayStats {
  day: string;
  questions: number;
  answered: number;
}

export interface PageStats {
  page?: PageRef;
  questions: number;
  answered: number;
  helpful: number;
  notHelpful: number;
}

/** How many records a purge deleted. */
export interface Purged {
  gaps: number;
  votes: number;
  claims: number;
}

export interface RecordStore {
  readonly backend: 'sqlite' | 'postgres';
  /** Where it is, for logs: the file, or the server's host and database (never the password). */
  readonly location: string;
  /** Connects if need be and brings the schema up to date. Idempotent; safe with several processes at once. */
  migrate(): Promise<void>;
  /** Writes a batch in one transaction: counts add up, a person's later vote on an answer replaces their earlier one. */
  write(batch: RecordBatch): Promise<void>;
  /** Claims `key` atomically: true for the one caller that claimed it first, false for everyone after. */
  claim(key: string, kind: ClaimKind, at: Date): Promise<boolean>;
  /** Records what came of a claim (e.g. a permalink), for callers that lost it. */
  complete(key: string, result: string): Promise<void>;
  /** The result recorded for a claim, if any. */
  claimResult(key: string): Promise<string | undefined>;
  /** Gives a claim up, so that it can be claimed again (the work failed). */
  release(key: string): Promise<void>;
  /** Deletes gaps and votes recorded before `before`, and claims of each kind before their cutoff. */
  purge(before: Date, claimsBefore: Record<ClaimKind, Date>): Promise<Purged>;
  gaps(since: Date): Promise<GapSummary[]>;
  stats(since: Date): Promise<{ days: DayStats[]; pages: PageStats[] }>;
  close(): Promise<void>;
}

/** A page as stored: '' for "no page close". */
export const NO_PAGE = '';

/** Merges per-page rows of counts and votes into PageStats (both stores read them apart). */
export function mergePageStats(
  counts: { url: string; title: string; questions: number; answered: number }[],
  votes: { url: string; title: string; helpful: number; notHelpful: number }[],
): PageStats[] {
  const pages = new Map<string, PageStats>();
  const entry = (url: string, title: string) => {
    let e = pages.get(url);
    if (!e) {
      e = { questions: 0, answered: 0, helpful: 0, notHelpful: 0, ...(url === NO_PAGE ? {} : { page: { url, title } }) };
      pages.set(url, e);
    }
    return e;
  };
  for (const c of counts) Object.assign(entry(c.url, c.title), { questions: c.questions, answered: c.answered });
  for (const v of votes) Object.assign(entry(v.url, v.title), { helpful: v.helpful, notHelpful: v.notHelpful });
  return [...pages.values()].sort((a, b) => b.questions - a.questions || (a.page?.title ?? '').localeCompare(b.page?.title ?? ''));
}

/** Sums counts with the same day, page and outcome, so a batch never names one row twice. */
export function mergeCounts(counts: QuestionCount[]): QuestionCount[] {
  const merged = new Map<string, QuestionCount>();
  for (const c of counts) {
    const key = `${c.day}\u0000${c.page?.url ?? NO_PAGE}\u0000${c.outcome}`;
    const seen = merged.get(key);
    if (seen) seen.count += c.count;
    else merged.set(key, { ...c });
  }
  return [...merged.values()];
}
