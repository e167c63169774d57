import { answerQuestion } from '../answer/answer.js';
import type { ManualIndex } from '../load/loadManualIndex.js';
import type { Message } from '../slack/blocks.js';
import { stripSlackMarkup } from '../slack/incomingText.js';
import { replyTo } from '../slack/messages.js';

export interface Reply {
  message: Message;
  answered: boolean;
  /** Declined because two or more sections were about as good: they were offered instead. */
  closeCall: boolean;
  section?: string;
  score?: number;
}

/**
 * Replies already worked out, for one index: people ask the same few things ("leavers",
 * "weeknote"), and a reply is a pure function of the question and the index. Bounded, and
 * emptied when a reloaded index is swapped in.
 */
export class ReplyCache {
  private manual: ManualIndex | undefined;
  private readonly replies = new Map<string, Reply>();

  constructor(private readonly max = 1000) {}

  get(manual: ManualIndex, question: string): Reply {
    if (this.manual !== manual) {
      this.replies.clear();
      this.manual = manual;
    }
    let reply = this.replies.get(question);
    if (!reply) {
      // The ranker reads the question without Slack's markup; the reply quotes it as typed.
      const answer = { ...answerQuestion(manual, stripSlackMarkup(question)), question };
      const best = answer.matches[0];
      reply = { message: replyTo(manual, answer), answered: answer.answered, closeCall: answer.closeCall.length > 1, section: best?.section.id, score: best?.score };
      if (this.replies.size >= this.max) this.replies.delete(this.replies.keys().next().value as string);
      this.replies.set(question, reply);
    }
    return reply;
  }
}
