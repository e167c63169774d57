import type { GapGroup } from '../report/gapsReport.js';
import type { GapReason } from '../store/recordStore.js';
import { type Block, LIMITS, type Message, packSections } from './blocks.js';
import { escapeMrkdwn, mrkdwnLink, quoteUserText } from './escape.js';

const REASON: Record<GapReason, string> = { declined: 'no answer', offered: 'not sure which section', unhelpful: 'answer not helpful' };

/** How much of each question the owners' summary shows. */
const QUESTION_SHOWN = 200;

/**
 * An owner channel's part of the gaps report (`techlead gaps --post`): the questions about its
 * pages that the manual did not answer, or answered unhelpfully, most-asked first. Questions are
 * quoted safely (quoteUserText): none can ping anyone. What does not fit in one message is left to
 * `techlead gaps`, which the message says.
 */
export function gapsMessage(owner: string, since: Date, groups: GapGroup[]): Message {
  const asks = groups.reduce((n, g) => n + g.count, 0);
  const questions = groups.reduce((n, g) => n + g.questions.length, 0);
  const intro = `Since ${since.toISOString().slice(0, 10)}, people asked techlead ${questions} question${questions === 1 ? '' : 's'} (${asks} time${asks === 1 ? '' : 's'}) for ${escapeMrkdwn(owner)} that the GOV.UK developer manual did not answer, or answered unhelpfully. An answer added to the manual helps the next person who asks.`;
  const parts = groups.map((g) => {
    const title = g.page ? `*${mrkdwnLink(g.page.url, g.page.title)}*` : '*Not close to any page*';
    const lines = g.questions.map((q) => `• “${quoteUserText(q.question, QUESTION_SHOWN)}”: ${q.count}× ${REASON[q.reason]}, last ${q.lastAsked.toISOString().slice(0, 10)}`);
    return [title, ...lines].join('\n');
  });
  const body = packSections(parts, { chars: LIMITS.messageText - 1500, blocks: LIMITS.blocks - 4 });
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Questions the manual did not answer', emoji: false } },
    { type: 'section', text: { type: 'mrkdwn', text: intro } },
    ...body.blocks,
  ];
  if (body.truncated) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'There are more than fit here: run `techlead gaps` for all of them.' }] });
  return { text: intro, blocks };
}
