import { answerQuestion } from '../answer/answer.js';
import type { ManualIndex } from '../answer/manualIndex.js';
import { type Message } from '../slack/blocks.js';
import { replyTo } from '../slack/messages.js';
import type { BotDeps, QuestionSource } from './context.js';

export interface Reply {
  message: Message;
  answered: boolean;
  section?: string;
  score?: number;
}

/**
 * Replies already worked out, per index: people ask the same few things ("leavers", "weeknote"),
 * and a reply is a pure function of the question and the index. Bounded, and dropped whole when
 * a reloaded index is swapped in.
 */
const MAX_CACHED = 1000;
let cacheFor: ManualIndex | undefined;
const cache = new Map<string, Reply>();

function replyFor(manual: ManualIndex, question: string): Reply {
  if (cacheFor !== manual) {
    cache.clear();
    cacheFor = manual;
  }
  const key = question.trim().toLowerCase();
  let reply = cache.get(key);
  if (!reply) {
    const answer = answerQuestion(manual, question);
    const best = answer.matches[0];
    reply = { message: replyTo(manual, answer), answered: answer.answered, section: best?.section.id, score: best?.score };
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(key, reply);
  }
  return reply;
}

/**
 * Answers a question from the current index and logs what was chosen. The question's text is only
 * logged when LOG_QUESTIONS is on (it can hold names and other personal data); at debug it always is.
 */
export function ask(deps: BotDeps, source: QuestionSource, question: string): Reply {
  const started = performance.now();
  const reply = replyFor(deps.store.current(), question);
  const fields: Record<string, unknown> = {
    source,
    answered: reply.answered,
    section: reply.section,
    score: reply.score,
    ms: Math.round((performance.now() - started) * 100) / 100,
  };
  if (deps.logQuestions) fields.question = question;
  deps.logger.log('info', 'question', fields);
  if (!deps.logQuestions) deps.logger.log('debug', 'question text', { source, question });
  return reply;
}

/** A question with the bot's own mention (and any other mentions or links) taken out. */
export function questionText(text: string | undefined, botUserId?: string): string {
  let t = text ?? '';
  if (botUserId) t = t.split(`<@${botUserId}>`).join(' ');
  return t.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ').replace(/\s+/g, ' ').trim();
}
