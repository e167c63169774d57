import { answerQuestion } from '../answer/answer.js';
import { type Message } from '../slack/blocks.js';
import { replyTo } from '../slack/messages.js';
import type { BotDeps, QuestionSource } from './context.js';

export interface Reply {
  message: Message;
  answered: boolean;
}

/**
 * Answers a question from the current index and logs what was chosen. The question's text is only
 * logged when LOG_QUESTIONS is on (it can hold names and other personal data); at debug it always is.
 */
export function ask(deps: BotDeps, source: QuestionSource, question: string): Reply {
  const started = performance.now();
  const manual = deps.store.current();
  const answer = answerQuestion(manual, question);
  const message = replyTo(manual, answer);
  const best = answer.matches[0];
  const fields: Record<string, unknown> = {
    source,
    answered: answer.answered,
    section: best?.section.id,
    score: best?.score,
    ms: Math.round((performance.now() - started) * 100) / 100,
  };
  if (deps.logQuestions) fields.question = question;
  deps.logger.log('info', 'question', fields);
  if (!deps.logQuestions) deps.logger.log('debug', 'question text', { source, question });
  return { message, answered: answer.answered };
}

/** A question with the bot's own mention (and any other mentions or links) taken out. */
export function questionText(text: string | undefined, botUserId?: string): string {
  let t = text ?? '';
  if (botUserId) t = t.split(`<@${botUserId}>`).join(' ');
  return t.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ').replace(/\s+/g, ' ').trim();
}
