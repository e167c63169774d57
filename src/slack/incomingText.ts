/**
 * Text as Slack sends it, in commands and events. Slack wraps mentions, channels and links in
 * angle brackets and escapes the three characters it reserves for that markup ("R&amp;D").
 */

/**
 * Undoes Slack's escapes once: the result is what the person typed ("R&D"), which is escaped
 * again wherever it is shown back. `&amp;` goes last, so a typed "&lt;" stays "&lt;".
 */
export function unescapeSlack(text: string | undefined): string {
  return (text ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** A mention's or a DM's question as the person typed it: mentions of people (the bot's own included) taken out. */
export function questionFromEvent(text: string | undefined): string {
  return unescapeSlack((text ?? '').replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/**
 * What the ranker reads of a question: a link's label kept, other markup (mentions, channels,
 * `<!here>`), emoji codes (":wave:") and escaped characters ("&gt;" starts a quote) dropped.
 */
export function stripSlackMarkup(text: string): string {
  return text
    .replace(/<(?:https?|mailto):[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<[@#!][^>]*>/g, ' ')
    .replace(/<([^>]*)>/g, '$1')
    .replace(/:[a-z0-9_+'-]+:/g, ' ')
    .replace(/&(?:gt|lt|amp);/g, ' ');
}

/** Longest question text the record store keeps. */
export const STORED_QUESTION_MAX = 500;

/**
 * A question as the record store keeps it, for the gaps report: Slack markup (mentions of people
 * and channels, `<!here>`, link targets, emoji codes) stripped, control characters and runs of
 * spaces gone, shortened to whole characters.
 */
export function cleanQuestion(text: string, max = STORED_QUESTION_MAX): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
  const plain = stripSlackMarkup(text).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(plain);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : plain;
}
