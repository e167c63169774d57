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
