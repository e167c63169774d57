import type { Answer } from '../answer/answer.js';
import type { SectionPage } from '../sections/types.js';
import type { GapReason } from '../store/recordStore.js';
import { type Block, clip, LIMITS, type Message } from './blocks.js';
import { escapeMrkdwn } from './escape.js';
import { cleanQuestion } from './incomingText.js';

/**
 * What follows an answer: Helpful / Not helpful under every answer, and "Ask the owners" under a
 * reply that does not answer. Their buttons carry what the click needs (the question as asked,
 * the section, the page), since a click reaches whichever replica Slack picks and nothing is
 * looked up from the time of the answer.
 */
export const FEEDBACK_HELPFUL = 'feedback_helpful';
export const FEEDBACK_NOT_HELPFUL = 'feedback_not_helpful';
export const ASK_OWNERS = 'ask_owners';

/** Slack's limit on a button's value. */
export const BUTTON_VALUE_MAX = 2000;

/** Where a question goes when a person asks: the page nearest it and that page's owner channel. */
export interface OwnerRoute {
  /** Undefined when no page is close to the question. */
  page?: SectionPage;
  /** The page's owner_slack when that is a channel (one page names a person), else the default owner channel. */
  owner: string;
}

export function ownerChannelOf(page: SectionPage | undefined, defaultOwner: string): string {
  const owner = page?.ownerSlack?.trim();
  return owner?.startsWith('#') ? owner : defaultOwner;
}

/**
 * The page an answer is from or, for a reply that does not answer, the one nearest the question
 * when the decision found one close enough (Answer.nearest); else no page, and the default owners.
 */
export function routeOf(answer: Pick<Answer, 'kind' | 'matches' | 'offered' | 'page' | 'nearest'>, defaultOwner: string): OwnerRoute {
  const best = answer.matches[0];
  let page: SectionPage | undefined;
  if (answer.kind === 'page') page = answer.page?.page ?? best?.section.page;
  else if (answer.kind === 'offer') page = answer.offered[0]?.page ?? best?.section.page;
  else if (answer.kind === 'section') page = best?.section.page;
  else page = answer.nearest?.page;
  return page ? { page, owner: ownerChannelOf(page, defaultOwner) } : { owner: defaultOwner };
}

/** A feedback button's value: the question as asked and the section (or page) answered with, by URL. */
export interface FeedbackValue {
  q: string;
  s: string;
}

/** An "Ask the owners" button's value: the question, the closest page's URL (if any) and why it is asked. */
export interface AskOwnersValue {
  q: string;
  p?: string;
  r: GapReason;
}

/** A section button's value: the section's id and, when known, the question it answers. */
export interface ShowSectionValue {
  s: string;
  q?: string;
}

/** Most of a question a button carries (the store keeps less: see cleanQuestion). */
const VALUE_QUESTION_MAX = 1500;

/**
 * JSON of `value` within Slack's 2,000 characters. The question goes as the store will keep it,
 * without Slack markup (no mention or `<!channel>` travels in a button), and is shortened until
 * the whole fits (JSON escapes can make it longer than it looks).
 */
export function encodeValue<T extends { q?: string }>(value: T): string {
  let question = value.q === undefined ? '' : cleanQuestion(value.q, VALUE_QUESTION_MAX);
  let text = JSON.stringify(value.q === undefined ? value : { ...value, q: question });
  while (text.length > BUTTON_VALUE_MAX && question.length) {
    question = question.slice(0, Math.max(0, question.length - (text.length - BUTTON_VALUE_MAX) - 1));
    text = JSON.stringify({ ...value, q: question });
  }
  return text;
}

function parse(value: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';
const REASONS: GapReason[] = ['declined', 'offered', 'unhelpful'];

/** A feedback button's value, or undefined if it is not one (a forged or garbled click). */
export function decodeFeedback(value: string | undefined): FeedbackValue | undefined {
  const v = value === undefined ? undefined : parse(value);
  return v && isString(v.q) && isString(v.s) && v.s ? { q: v.q, s: v.s } : undefined;
}

export function decodeAskOwners(value: string | undefined): AskOwnersValue | undefined {
  const v = value === undefined ? undefined : parse(value);
  if (!v || !isString(v.q) || !v.q.trim() || !REASONS.includes(v.r as GapReason)) return undefined;
  return { q: v.q, r: v.r as GapReason, ...(isString(v.p) && v.p ? { p: v.p } : {}) };
}

/** A section button's value: JSON with the question, or (in messages sent before questions were carried) the bare section id. */
export function decodeShowSection(value: string | undefined): ShowSectionValue | undefined {
  if (!value) return undefined;
  if (!value.startsWith('{')) return { s: value };
  const v = parse(value);
  return v && isString(v.s) && v.s ? { s: v.s, ...(isString(v.q) && v.q ? { q: v.q } : {}) } : undefined;
}

export function showSectionValue(sectionId: string, question: string | undefined): string {
  return question ? encodeValue<ShowSectionValue>({ s: sectionId, q: question }) : sectionId;
}

/** Helpful / Not helpful, under an answer with `sectionId` (a section's or a page's URL). */
export function feedbackBlock(question: string, sectionId: string): Block {
  const value = encodeValue<FeedbackValue>({ q: question, s: sectionId });
  return {
    type: 'actions',
    block_id: 'feedback',
    elements: [
      { type: 'button', action_id: FEEDBACK_HELPFUL, text: { type: 'plain_text', text: 'Helpful', emoji: false }, value },
      { type: 'button', action_id: FEEDBACK_NOT_HELPFUL, text: { type: 'plain_text', text: 'Not helpful', emoji: false }, value },
    ],
  };
}

/** "Ask #channel": posts the question to the owners of the page nearest it (see actions/askOwners). */
export function askOwnersBlocks(question: string, route: OwnerRoute, reason: GapReason): Block[] {
  const value = encodeValue<AskOwnersValue>({ q: question, r: reason, ...(route.page ? { p: route.page.url } : {}) });
  const whose = route.page ? `, where the people who look after *${escapeMrkdwn(route.page.title)}* can answer it` : '';
  return [
    { type: 'context', elements: [{ type: 'mrkdwn', text: `Want a person to answer? I can post your question in ${escapeMrkdwn(route.owner)}${whose}.` }] },
    {
      type: 'actions',
      block_id: 'ask_owners',
      elements: [{ type: 'button', action_id: ASK_OWNERS, text: { type: 'plain_text', text: clip(`Ask ${route.owner}`, LIMITS.buttonText), emoji: false }, value }],
    },
  ];
}

/** What follows an answer, by its kind: feedback buttons under an answer, "Ask" under anything else. */
export function followUpBlocks(answer: Pick<Answer, 'kind' | 'matches' | 'offered' | 'page' | 'question'>, route: OwnerRoute): Block[] {
  if (answer.kind === 'section' && answer.matches[0]) return [feedbackBlock(answer.question, answer.matches[0].section.id)];
  if (answer.kind === 'page' && answer.page) return [feedbackBlock(answer.question, answer.page.intro.id)];
  return askOwnersBlocks(answer.question, route, answer.kind === 'offer' ? 'offered' : 'declined');
}

/** A message with follow-up blocks appended, within Block Kit's 50 blocks (the body's last blocks give way first). */
export function withFollowUps(message: Message, followUps: Block[]): Message {
  if (!followUps.length) return message;
  const room = LIMITS.blocks - followUps.length;
  const body = message.blocks.length > room ? message.blocks.slice(0, room) : message.blocks;
  return { text: message.text, blocks: [...body, ...followUps] };
}

/** The follow-up blocks' ids (see feedbackBlock and askOwnersBlocks). */
const FOLLOW_UP_BLOCKS = new Set(['feedback', 'ask_owners']);

/**
 * A message without its follow-ups, for where their buttons cannot work: a modal (the search on
 * the Home tab) has no message for a vote to be about and no response URL to answer through.
 */
export function withoutFollowUps(message: Message): Message {
  return { text: message.text, blocks: message.blocks.filter((b) => !('block_id' in b && b.block_id && FOLLOW_UP_BLOCKS.has(b.block_id))) };
}
