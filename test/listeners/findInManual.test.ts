import { beforeAll, describe, expect, it } from '@jest/globals';
import type { BotDeps } from '../../src/app/context.js';
import { shareInThread } from '../../src/app/listeners/actions/shareInThread.js';
import { showPrivateSection } from '../../src/app/listeners/actions/showPrivateSection.js';
import { findInManual } from '../../src/app/listeners/shortcuts/findInManual.js';
import { encodeRef } from '../../src/slack/answerRef.js';
import { fakeAck, fakeClient, listenerDeps } from '../support/listenerDeps.js';
import { allText, asMessage, buttonsOf, headerOf } from '../support/slackMessage.js';

type ShortcutArgs = Parameters<ReturnType<typeof findInManual>>[0];
type ButtonArgs = Parameters<ReturnType<typeof shareInThread>>[0];

let deps: BotDeps;
let rollBack: string;
beforeAll(async () => {
  deps = await listenerDeps();
  rollBack = deps.store.current().sections.find((s) => s.heading === 'Roll back a release')!.id;
});

function shortcut(text: string | undefined, message: Record<string, unknown> = {}) {
  const ack = fakeAck();
  const respond = fakeAck();
  return { ack, respond, args: { ack, respond, shortcut: { type: 'message_action', callback_id: 'find_in_manual', channel: { id: 'C1' }, user: { id: 'U1' }, message: { type: 'message', ts: '5.0', text, ...message } } } };
}

function button(actionId: string, value: string, channel = 'C1') {
  const ack = fakeAck();
  const respond = fakeAck();
  return { ack, respond, args: { ack, respond, action: { type: 'button', action_id: actionId, value }, body: { type: 'block_actions', user: { id: 'U1' }, channel: { id: channel }, container: { type: 'message', is_ephemeral: true } } } };
}

describe('"Find in the manual" (listener)', () => {
  it('acks, then answers privately in the message’s thread', async () => {
    const { client, calls } = fakeClient();
    const { ack, args } = shortcut('roll back a release please', { thread_ts: '4.0' });
    await findInManual(deps)({ ...args, client } as unknown as ShortcutArgs);
    expect(ack).toHaveBeenCalledTimes(1);
    expect(calls.map((c) => c.method)).toEqual(['chat.postEphemeral']);
    expect(calls[0]!.args).toMatchObject({ channel: 'C1', user: 'U1', thread_ts: '4.0' });
    const share = buttonsOf(asMessage(calls[0]!.args)).find((b) => b.action_id === 'share_in_thread')!;
    expect(JSON.parse(share.value)).toEqual({ s: rollBack, c: 'C1', t: '4.0' });
  });

  it('reads a message with only attachments, and falls back to the response URL where it is not a member', async () => {
    const { client } = fakeClient({ 'chat.postEphemeral': 'channel_not_found' });
    const { respond, args } = shortcut('', { attachments: [{ fallback: 'roll back a release' }] });
    await findInManual(deps)({ ...args, client } as unknown as ShortcutArgs);
    expect(respond).toHaveBeenCalledTimes(1);
    expect(headerOf(asMessage(respond.mock.calls[0]![0]))).toBe('Roll back a release');
  });

  it('says a message without text has nothing to look up', async () => {
    const { client, calls } = fakeClient();
    await findInManual(deps)({ ...shortcut(undefined).args, client } as unknown as ShortcutArgs);
    expect(allText(asMessage(calls[0]!.args))).toContain('no text I can look up');
  });
});

describe('the private answer’s buttons (listeners)', () => {
  it('show a section privately, replacing the answer', async () => {
    const { client, calls } = fakeClient();
    const { respond, args } = button('private_section:1', encodeRef({ kind: 'section', id: rollBack }, { channel: 'C1', threadTs: '5.0' }));
    await showPrivateSection(deps)({ ...args, client } as unknown as ButtonArgs);
    expect(calls).toHaveLength(0);
    expect(respond.mock.calls[0]![0]).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(headerOf(asMessage(respond.mock.calls[0]![0]))).toBe('Roll back a release');
  });

  it('share in the thread, then replace the private answer with a note', async () => {
    const { client, calls } = fakeClient();
    const { respond, args } = button('share_in_thread', encodeRef({ kind: 'section', id: rollBack }, { channel: 'C1', threadTs: '5.0' }));
    await shareInThread(deps)({ ...args, client } as unknown as ButtonArgs);
    expect(calls[0]).toMatchObject({ method: 'chat.postMessage', args: { channel: 'C1', thread_ts: '5.0', unfurl_links: false } });
    expect(respond).toHaveBeenCalledWith({ response_type: 'ephemeral', replace_original: true, text: 'Shared in the thread.' });
  });

  it('share a page answer as the page', async () => {
    const { client, calls } = fakeClient();
    const { args } = button('share_in_thread', encodeRef({ kind: 'page', file: 'deploying.html.md' }, { channel: 'C1', threadTs: '5.0' }));
    await shareInThread(deps)({ ...args, client } as unknown as ButtonArgs);
    expect(headerOf(asMessage(calls[0]!.args))).toBe('Deploying an application');
  });

  it('say a failed share failed, a gone section has gone, and a stale button is out of date', async () => {
    const failing = fakeClient({ 'chat.postMessage': 'msg_too_long' });
    const failed = button('share_in_thread', encodeRef({ kind: 'section', id: rollBack }, { channel: 'C1', threadTs: '5.0' }));
    await shareInThread(deps)({ ...failed.args, client: failing.client } as unknown as ButtonArgs);
    expect(failed.respond.mock.calls[0]![0]).toMatchObject({ replace_original: false, text: expect.stringContaining("couldn't share") });

    const gone = button('share_in_thread', encodeRef({ kind: 'section', id: 'https://gone.example/#x' }, { channel: 'C1', threadTs: '5.0' }));
    await shareInThread(deps)({ ...gone.args, client: fakeClient().client } as unknown as ButtonArgs);
    expect(gone.respond.mock.calls[0]![0]).toMatchObject({ text: expect.stringContaining('no longer in the manual') });

    const stale = button('private_section:0', encodeRef({ kind: 'section', id: rollBack }));
    await showPrivateSection(deps)({ ...stale.args, client: fakeClient().client } as unknown as ButtonArgs);
    expect(stale.respond.mock.calls[0]![0]).toMatchObject({ text: expect.stringContaining('out of date') });
  });
});
