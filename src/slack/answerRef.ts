import type { AnswerKind } from '../answer/decide.js';
import type { ManualIndex } from '../load/loadManualIndex.js';
import type { Message } from './blocks.js';
import { pageMessage, sectionMessage } from './messages.js';

/**
 * Which answer a button stands for, small enough for a button's value (2,000 characters): a
 * section by its id (its URL), or a page by its file. Not the question: the answer is what the
 * person saw, and is looked up again in the manual as loaded when the button is pressed.
 */
export type AnswerRef = { kind: 'section'; id: string } | { kind: 'page'; file: string };

/** Where a shortcut's answer would be shared: the channel and the thread of the message it answered. */
export interface ThreadRef {
  channel: string;
  threadTs: string;
}

/** The ref of an answer given as a section or a page; undefined for an offer or "nothing on that". */
export function refOfAnswer(reply: { kind: AnswerKind; section?: string; closest?: { file: string } }): AnswerRef | undefined {
  if (reply.kind === 'section' && reply.section) return { kind: 'section', id: reply.section };
  if (reply.kind === 'page' && reply.closest) return { kind: 'page', file: reply.closest.file };
  return undefined;
}

/** The message for a ref, from the manual as it is now; undefined when it has gone (a reload removed it). */
export function messageOfRef(manual: ManualIndex, ref: AnswerRef): Message | undefined {
  if (ref.kind === 'section') {
    const section = manual.sections.find((s) => s.id === ref.id);
    return section ? sectionMessage(manual, section) : undefined;
  }
  const outline = manual.pages.get(ref.file);
  return outline ? pageMessage(outline) : undefined;
}

/**
 * The published URL of what a ref names; undefined when it has gone. It is also the id feedback is
 * recorded against: a section's id is its URL, and a page answer's feedback is on its intro, whose
 * id is the page's URL.
 */
export function urlOfRef(manual: ManualIndex, ref: AnswerRef): string | undefined {
  return ref.kind === 'section' ? ref.id : manual.pages.get(ref.file)?.intro.id;
}

/** A ref, and where to share it, as a button's value. */
export function encodeRef(ref: AnswerRef, where?: ThreadRef): string {
  return JSON.stringify({ ...(ref.kind === 'section' ? { s: ref.id } : { p: ref.file }), ...(where ? { c: where.channel, t: where.threadTs } : {}) });
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 2000;

/**
 * A button's value read back. Slack signs what it sends, so the value is the bot's own, but it may
 * come from a message posted by an older version of the bot: anything unexpected is undefined,
 * which the listeners answer with "ask again", never a crash.
 */
export function decodeRef(value: string | undefined): { ref: AnswerRef; where?: ThreadRef } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value ?? '');
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const v = parsed as Record<string, unknown>;
  const ref: AnswerRef | undefined = isText(v.s) ? { kind: 'section', id: v.s } : isText(v.p) ? { kind: 'page', file: v.p } : undefined;
  if (!ref) return undefined;
  return isText(v.c) && isText(v.t) ? { ref, where: { channel: v.c, threadTs: v.t } } : { ref };
}
