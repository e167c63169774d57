import type { SectionPage } from '../sections/types.js';
import type { GapReason } from '../store/recordStore.js';
import type { Message } from './blocks.js';
import { escapeMrkdwn, linkUrl, mrkdwnLink, quoteUserText } from './escape.js';
import { askOwnersBlocks, type OwnerRoute } from './followUps.js';
import { cleanQuestion } from './incomingText.js';

/**
 * The messages around feedback and asking a page's owners: what the clicker is told (always only
 * them), and the question as posted in the owners' channel. A question is shown stripped of Slack
 * markup and escaped (quoteUserText), so it can never ping @channel, @here or anyone.
 */

/** How much of a question the owners see. */
const QUESTION_SHOWN = 1000;

const WHY: Record<GapReason, string> = {
  declined: 'the manual had no section on it',
  offered: 'the bot was not sure which section answers it',
  unhelpful: 'the answer they got did not help',
};

const text = (t: string): Message => ({ text: t, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: t } }] });

export function helpfulThanks(): Message {
  return text('Thanks: glad it helped.');
}

/** After "Not helpful": thanks, and (when there is a question to ask) the offer to ask the page's owners. */
export function notHelpfulReply(question: string, route: OwnerRoute): Message {
  const thanks = 'Thanks for telling me: that helps improve the manual.';
  if (!question.trim()) return text(thanks);
  return { text: thanks, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: thanks } }, ...askOwnersBlocks(question, route, 'unhelpful')] };
}

export function feedbackNotUnderstood(): Message {
  return text("Sorry, I couldn't tell which answer that was about. Ask me again and use the buttons under the new answer.");
}

/** The question as it goes to the owners' channel, naming the asker so the owners can answer them. */
export function questionForOwners(question: string, asker: string, reason: GapReason, page: SectionPage | undefined): Message {
  const quoted = quoteUserText(cleanQuestion(question), QUESTION_SHOWN);
  const about = page ? `the owners of ${mrkdwnLink(page.url, page.title)}` : 'the GOV.UK developer manual';
  const who = /^[UW][A-Z0-9]{2,}$/.test(asker) ? `<@${asker}>` : 'Someone';
  return {
    text: `A question for ${page ? `the owners of ${escapeMrkdwn(page.title)}` : 'the GOV.UK developer manual'} from ${who}: “${quoted}”`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*A question for ${about}*` } },
      { type: 'section', text: { type: 'mrkdwn', text: `> ${quoted}` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `Asked by ${who} through techlead, because ${WHY[reason]}. Reply in the thread to answer them; if the manual should say it, add it there.` }] },
    ],
  };
}

/** Where an asked question went: the owners' channel and, when Slack gave one, its permalink. */
export interface Asked {
  channelId: string;
  permalink?: string;
}

export function askedReply(owner: string, asked: Asked, page: SectionPage | undefined): Message {
  const link = asked.permalink ? `: <${linkUrl(asked.permalink)}|see it there>` : '';
  const whose = page ? ` The people who look after *${escapeMrkdwn(page.title)}* can answer you in its thread.` : ' Someone there can answer you in its thread.';
  return text(`I've posted your question in <#${asked.channelId}|${escapeMrkdwn(owner.replace(/^#/, ''))}>${link}.${whose}`);
}

export function alreadyAskedReply(owner: string, asked: Asked | undefined): Message {
  if (!asked) return text(`I'm already posting your question in ${escapeMrkdwn(owner)}.`);
  const link = asked.permalink ? `: <${linkUrl(asked.permalink)}|see it there>` : '';
  return text(`I've already posted your question in <#${asked.channelId}|${escapeMrkdwn(owner.replace(/^#/, ''))}>${link}.`);
}

export function notInChannelReply(owner: string): Message {
  const o = escapeMrkdwn(owner);
  return text(`I can't post in ${o}: I'm not a member of it. Ask someone there to add me (\`/invite @techlead\`), or ask your question in ${o} yourself.`);
}

export function channelNotFoundReply(owner: string): Message {
  const o = escapeMrkdwn(owner);
  return text(`I can't find the channel ${o}, which the manual names as this page's owners: it may have been renamed or archived. Ask your question in the channel that looks after it now, or tell the page's owners to update \`owner_slack\`.`);
}

export function couldNotAskReply(owner: string): Message {
  return text(`I couldn't post your question in ${escapeMrkdwn(owner)} just now. Please try again in a minute.`);
}

export function askNotUnderstood(): Message {
  return text("Sorry, I couldn't tell which question that was. Ask me again and use the button under the new reply.");
}

/** Stored with an ask's claim, so a second click (on any replica) can point at the first post. */
export function encodeAsked(asked: Asked): string {
  return JSON.stringify(asked);
}

export function decodeAsked(text: string | undefined): Asked | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as Partial<Asked>;
    return typeof v.channelId === 'string' ? { channelId: v.channelId, ...(typeof v.permalink === 'string' ? { permalink: v.permalink } : {}) } : undefined;
  } catch {
    return undefined;
  }
}
