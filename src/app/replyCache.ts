import { answerQuestion } from '../answer/answer.js';
import type { AnswerKind } from '../answer/decide.js';
import type { SectionPage } from '../sections/types.js';
import type { ManualIndex } from '../load/loadManualIndex.js';
import type { Message } from '../slack/blocks.js';
import { stripSlackMarkup } from '../slack/incomingText.js';
import { DEFAULT_OWNER_CHANNEL } from '../config.js';
import { type OwnerRoute, routeOf } from '../slack/followUps.js';
import { type ReplyOptions, replyTo } from '../slack/messages.js';

export interface Reply {
  message: Message;
  /** Answered with a section or a page, offered a choice, or neither. */
  kind: AnswerKind;
  answered: boolean;
  /** The best match's section id (its URL) and score, answered or not, for the logs. */
  section?: string;
  score?: number;
  /** The page nearest the question, answered or not (its owners are who to ask). */
  closest?: SectionPage;
  /** Where the question goes if a person is asked: the page it is from or close to (if any is close), and its owner channel. */
  route: OwnerRoute;
}

/**
 * Replies already worked out, for one index: people ask the same few things ("leavers",
 * "weeknote"), and a reply is a pure function of the question and the index. Bounded, and
 * emptied when a reloaded index is swapped in.
 */
export class ReplyCache {
  private manual: ManualIndex | undefined;
  private readonly replies = new Map<string, Reply>();

  constructor(
    private readonly max = 1000,
    private readonly options: ReplyOptions = { defaultOwner: DEFAULT_OWNER_CHANNEL },
  ) {}

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
      reply = {
        message: replyTo(manual, answer, this.options),
        kind: answer.kind,
        answered: answer.answered,
        section: best?.section.id,
        score: best?.score,
        closest: best?.section.page,
        route: routeOf(answer, this.options.defaultOwner),
      };
      if (this.replies.size >= this.max) this.replies.delete(this.replies.keys().next().value as string);
      this.replies.set(question, reply);
    }
    return reply;
  }
}
