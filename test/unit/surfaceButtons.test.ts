import { beforeAll, describe, expect, it } from '@jest/globals';
import type { App } from '@slack/bolt';
import type { BotDeps } from '../../src/app/context.js';
import { registerListeners } from '../../src/app/listeners/index.js';
import { decodeRef, encodeRef, messageOfRef, refOfAnswer } from '../../src/slack/answerRef.js';
import type { Block, Button, Message } from '../../src/slack/blocks.js';
import { homeView } from '../../src/slack/home.js';
import { pageMessage, sectionMessage } from '../../src/slack/messages.js';
import { answerModal, searchModal } from '../../src/slack/searchModal.js';
import { privateAnswer } from '../../src/slack/shortcutAnswer.js';
import { listenerDeps } from '../support/listenerDeps.js';
import { blockKitViolations } from '../support/slackMessage.js';
import { asView, viewViolations } from '../support/slackView.js';

let deps: BotDeps;
/** The action ids the app listens for, as registered (strings and patterns). */
const actionIds: (string | RegExp)[] = [];

beforeAll(async () => {
  deps = await listenerDeps();
  const app = {
    command: () => undefined,
    event: () => undefined,
    message: () => undefined,
    shortcut: () => undefined,
    view: () => undefined,
    action: (constraints: { action_id: string | RegExp }) => actionIds.push(constraints.action_id),
  };
  registerListeners(app as unknown as App, deps);
});

const buttons = (blocks: readonly { type: string }[]): Button[] => (blocks as Block[]).flatMap((b) => (b.type === 'actions' ? b.elements : []));
const handled = (id: string) => actionIds.some((a) => (typeof a === 'string' ? a === id : a.test(id)));
const where = { channel: 'C0TECHLEAD', threadTs: '1700000000.000100' };

describe('every button on the new surfaces', () => {
  it('has a listener, whichever surface shows it', () => {
    const manual = deps.store.current();
    const outline = [...manual.pages.values()][0]!;
    const page = pageMessage(outline);
    const section = sectionMessage(manual, outline.sections[0]!, outline.sections.slice(1, 3));
    const shown: Button[] = [
      ...buttons(homeView(manual).blocks),
      ...buttons(searchModal().blocks),
      ...buttons(answerModal('q', page, { kind: 'page', file: outline.page.file }).blocks),
      ...buttons(privateAnswer(page, { kind: 'page', file: outline.page.file }, where).blocks),
      ...buttons(privateAnswer(section, { kind: 'section', id: outline.sections[0]!.id }, where).blocks),
    ];
    expect(new Set(shown.map((b) => b.action_id.replace(/:\d+$/, '')))).toEqual(new Set(['open_search', 'show_section', 'send_to_dm', 'private_section', 'share_in_thread']));
    expect(shown.filter((b) => !handled(b.action_id)).map((b) => b.action_id)).toEqual([]);
  });
});

describe('a shortcut’s private answer', () => {
  it('makes every section button private, keeps within 50 blocks, and offers to share an answer only', () => {
    const manual = deps.store.current();
    const outline = [...manual.pages.values()][0]!;
    const page = privateAnswer(pageMessage(outline), { kind: 'page', file: outline.page.file }, where);
    expect(buttons(page.blocks).filter((b) => b.action_id.startsWith('show_section'))).toEqual([]);
    for (const b of buttons(page.blocks).filter((x) => x.action_id.startsWith('private_section'))) expect(decodeRef(b.value)).toEqual({ ref: { kind: 'section', id: expect.any(String) }, where });
    expect(blockKitViolations(page)).toEqual([]);

    const offer: Message = { text: 'offer', blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'show_section:0', text: { type: 'plain_text', text: 'x' }, value: outline.sections[0]!.id }] }] };
    expect(buttons(privateAnswer(offer, undefined, where).blocks).map((b) => b.action_id)).toEqual(['private_section:0']);

    // A message at the limit keeps the share button before the note.
    const full: Message = { text: 'full', blocks: Array.from({ length: 49 }, () => ({ type: 'divider' }) as Block) };
    const fitted = privateAnswer(full, { kind: 'section', id: outline.sections[0]!.id }, where);
    expect(fitted.blocks).toHaveLength(50);
    expect(buttons(fitted.blocks).map((b) => b.action_id)).toEqual(['share_in_thread']);
  });
});

describe('answer refs in button values', () => {
  it('round-trip, resolve against the manual as loaded, and reject anything else', () => {
    const manual = deps.store.current();
    const section = manual.sections.find((s) => s.anchor)!;
    const ref = { kind: 'section' as const, id: section.id };
    expect(decodeRef(encodeRef(ref, where))).toEqual({ ref, where });
    expect(decodeRef(encodeRef({ kind: 'page', file: section.page.file }))).toEqual({ ref: { kind: 'page', file: section.page.file } });
    expect(messageOfRef(manual, ref)?.blocks[0]).toMatchObject({ type: 'header', text: { text: section.heading } });
    expect(messageOfRef(manual, { kind: 'section', id: 'https://gone.example/#x' })).toBeUndefined();
    expect(messageOfRef(manual, { kind: 'page', file: 'gone.html.md' })).toBeUndefined();
    for (const bad of [undefined, '', 'x', '1', 'null', '[]', '{}', '{"s":1}', '{"s":""}', `{"s":"${'x'.repeat(2001)}"}`]) expect([bad, decodeRef(bad)]).toEqual([bad, undefined]);
    expect(decodeRef('{"s":"a","c":"C1"}')).toEqual({ ref: { kind: 'section', id: 'a' } });
    expect(refOfAnswer({ kind: 'offer', section: 'a' })).toBeUndefined();
    expect(refOfAnswer({ kind: 'none' })).toBeUndefined();
    expect(refOfAnswer({ kind: 'page', section: 'a#b', closest: { file: 'a.html.md' } })).toEqual({ kind: 'page', file: 'a.html.md' });
  });
});

describe('the search modal', () => {
  it('fits a modal’s limits with the longest answer and question', () => {
    const manual = deps.store.current();
    const longQuestion = 'q'.repeat(5000);
    for (const s of manual.sections) {
      expect(viewViolations(asView(answerModal(longQuestion, sectionMessage(manual, s, manual.sections.slice(0, 3)), { kind: 'section', id: s.id })))).toEqual([]);
    }
    expect(viewViolations(asView(searchModal()))).toEqual([]);
  });
});
