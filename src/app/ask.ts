import { cleanQuestion } from '../slack/incomingText.js';
import type { BotDeps, QuestionSource } from './context.js';
import type { Reply } from './replyCache.js';

/**
 * Answers a question from the current index, logs what was chosen and records it: a count for
 * every question (no text), and the question itself only when it goes to the gaps report
 * (declined or offered) and the person who typed it asked the bot. The question's text is only logged when LOG_QUESTIONS is on (it can hold
 * names and other personal data); at debug it always is.
 */
export function ask(deps: BotDeps, source: QuestionSource, question: string): Reply {
  const started = performance.now();
  const reply = deps.replies.get(deps.store.current(), question.trim());
  recordQuestion(deps, reply, question, source);
  const fields: Record<string, unknown> = {
    source,
    answered: reply.answered,
    kind: reply.kind,
    section: reply.section,
    score: reply.score,
    ms: Math.round((performance.now() - started) * 100) / 100,
  };
  if (deps.logQuestions) fields.question = question;
  deps.logger.log('info', 'question', fields);
  if (!deps.logQuestions) deps.logger.log('debug', 'question text', { source, question });
  return reply;
}

/**
 * A question from the message shortcut is someone else's message, which they never asked the bot:
 * it is counted, but its text is not kept.
 */
function recordQuestion(deps: BotDeps, reply: Reply, question: string, source: QuestionSource): void {
  const { page, owner } = reply.route;
  deps.records.count(reply.kind, page);
  if (reply.answered || source === 'shortcut') return;
  const text = cleanQuestion(question);
  if (text) deps.records.gap({ question: text, reason: reply.kind === 'offer' ? 'offered' : 'declined', ...(page ? { page: { url: page.url, title: page.title } } : {}), owner });
}
