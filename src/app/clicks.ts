import type { BlockButtonAction } from '@slack/bolt';
import type { ManualIndex } from '../load/loadManualIndex.js';
import type { SectionPage } from '../sections/types.js';
import type { PageRef } from '../store/recordStore.js';

/**
 * Which message a click was on: its channel and timestamp (ephemeral messages included, which
 * have a container but no message), and who clicked. Undefined if Slack sent no such thing.
 */
export function clickOf(body: BlockButtonAction): { user: string; channel: string; messageTs: string } | undefined {
  const channel = body.channel?.id ?? body.container?.channel_id;
  const messageTs = body.container?.message_ts ?? body.message?.ts;
  const user = body.user?.id;
  return channel && messageTs && user ? { user, channel, messageTs } : undefined;
}

/** The page with this URL in the current manual, if it still has it. */
export function pageByUrl(manual: ManualIndex, url: string): SectionPage | undefined {
  for (const outline of manual.pages.values()) if (outline.page.url === url) return outline.page;
  return undefined;
}

/**
 * The page a section (or a page's intro) with this id is on: from the manual, or, for a section
 * it no longer has, the URL without its anchor (titled with that URL).
 */
export function pageOfSection(manual: ManualIndex, sectionId: string): PageRef & { page?: SectionPage } {
  const section = manual.sections.find((s) => s.id === sectionId);
  const page = section?.page ?? pageByUrl(manual, sectionId);
  if (page) return { url: page.url, title: page.title, page };
  const url = sectionId.replace(/#.*$/, '');
  return { url, title: url };
}
