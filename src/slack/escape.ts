/**
 * Slack's three control characters. Escaping them is what stops text from becoming a mention
 * (`<!channel>`, `<@U123>`) or a link, so all text we did not write ourselves goes through here.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A user's words, safe to show back to them: control characters escaped, formatting characters
 * that could break out of our quotes neutralised, one line, and shortened.
 */
export function quoteUserText(text: string, max = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const short = oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
  // Zero-width space after @ and before formatting marks: "@channel" and "*bold*" show as typed.
  return escapeMrkdwn(short).replace(/@/g, '@\u200b').replace(/([*_~`])/g, '\u200b$1');
}

/** A URL inside `<url|text>`: the characters that would end the link are percent-encoded. */
export function linkUrl(url: string): string {
  return url.replace(/\|/g, '%7C').replace(/>/g, '%3E').replace(/</g, '%3C').replace(/ /g, '%20');
}

/** `<url|text>`, or the bare URL when the text would only repeat it. */
export function mrkdwnLink(url: string, text: string): string {
  const label = text.replace(/\s+/g, ' ').trim();
  if (!label || label === url) return `<${linkUrl(url)}>`;
  return `<${linkUrl(url)}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`;
}
