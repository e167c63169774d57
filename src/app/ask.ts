import type { BotDeps, QuestionSource } from './context.js';
import type { Reply } from './replyCache.js';

/**
 * Answers a question from the current index and logs what was chosen. The question's text is only
 * logged when LOG_QUESTIONS is on (it can hold names and other personal data); at debug it always is.
 */
export function ask(deps: BotDeps, source: QuestionSource, question: string): Reply {
  const started = performance.now();
  const reply = deps.replies.get(deps.store.current(), question.trim());
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
