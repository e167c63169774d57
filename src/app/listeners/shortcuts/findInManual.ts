import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { refOfAnswer, type ThreadRef } from '../../../slack/answerRef.js';
import type { Message } from '../../../slack/blocks.js';
import { questionFromEvent } from '../../../slack/incomingText.js';
import { helpMessage, isHelpRequest } from '../../../slack/messages.js';
import { privateAnswer } from '../../../slack/shortcutAnswer.js';
import { ask } from '../../ask.js';
import type { BotDeps } from '../../context.js';
import { deliver, NOT_A_MEMBER } from '../../slackErrors.js';

/**
 * A message can be up to 40,000 characters; a question is a line or two. The ranker reads the
 * start of a long message (where its point usually is) rather than spend a long time on all of it.
 */
const QUESTION_MAX = 2000;

/** A message's words: its text, or for one with only attachments (a bot's, a forwarded one) theirs. */
function textOf(message: MessageShortcut['message']): string {
  if (typeof message.text === 'string' && message.text.trim()) return message.text;
  const attachments: unknown = message.attachments;
  if (!Array.isArray(attachments)) return '';
  return attachments
    .map((a: unknown) => {
      const { text, fallback } = (a ?? {}) as { text?: unknown; fallback?: unknown };
      return typeof text === 'string' ? text : typeof fallback === 'string' ? fallback : '';
    })
    .join(' ');
}

/**
 * "Find in the manual" on a message: the answer to that message, shown only to the person who used
 * the shortcut, in the message's thread when it is in one. Its buttons show other sections to them
 * alone, and "Share in thread" posts the answer as a reply to the message: nothing is posted for
 * others unless they choose to. Posted with chat.postEphemeral, which can go in a thread; where the
 * bot is not a member (a channel it was not invited to, a DM between other people) through the
 * shortcut's response URL, which works anywhere.
 */
export function findInManual(deps: BotDeps) {
  return async ({ shortcut, ack, client, respond }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const { message, channel, user } = shortcut;
    const question = questionFromEvent(textOf(message)).slice(0, QUESTION_MAX);
    const where: ThreadRef = { channel: channel.id, threadTs: message.thread_ts ?? message.ts };
    let reply: Message;
    if (!question) {
      reply = { text: 'That message has no text I can look up.', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'That message has no text I can look up in the manual. Try the shortcut on a message with a question in it.' } }] };
    } else if (isHelpRequest(question)) {
      reply = helpMessage(deps.store.current());
    } else {
      const answer = ask(deps, 'shortcut', question);
      reply = privateAnswer(answer.message, refOfAnswer(answer), where);
    }
    const thread = typeof message.thread_ts === 'string' ? { thread_ts: message.thread_ts } : {};
    await deliver(deps, 'answer a message shortcut', () => client.chat.postEphemeral({ channel: channel.id, user: user.id, ...thread, ...reply }), {
      when: (slackError) => NOT_A_MEMBER.has(slackError),
      call: () => respond({ response_type: 'ephemeral', replace_original: false, ...thread, ...reply }),
    });
  };
}
