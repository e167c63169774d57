import { beforeAll, describe, expect, it } from '@jest/globals';
import type { BotDeps } from '../../src/app/context.js';
import { directMessage } from '../../src/app/listeners/messages/directMessage.js';
import { fakeClient, listenerDeps } from '../support/listenerDeps.js';
import { asMessage, headerOf } from '../support/slackMessage.js';

type Args = Parameters<ReturnType<typeof directMessage>>[0];

let deps: BotDeps;
beforeAll(async () => {
  deps = await listenerDeps();
});

function dm(message: Record<string, unknown>) {
  return { message: { channel: 'D1', channel_type: 'im', user: 'U1', ts: '1700000000.000100', ...message }, body: { event_id: `Ev${Math.random()}` }, context: { botUserId: 'UBOT' } };
}

describe('direct message (listener)', () => {
  it('answers in the DM', async () => {
    const { client, calls } = fakeClient();
    await directMessage(deps)({ ...dm({ text: 'how do I hand over at the end of a shift?' }), client } as unknown as Args);
    expect(calls.map((c) => c.method)).toEqual(['chat.postMessage']);
    expect(calls[0]!.args.channel).toBe('D1');
    expect(headerOf(asMessage(calls[0]!.args))).toBe('Hand over at the end of a shift');
  });

  it('answers a message with a file from its text', async () => {
    const { client, calls } = fakeClient();
    await directMessage(deps)({ ...dm({ text: 'roll back a release', subtype: 'file_share' }), client } as unknown as Args);
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['an edit', { subtype: 'message_changed', text: 'on call' }],
    ['a bot', { bot_id: 'B1', text: 'on call' }],
    ['itself', { user: 'UBOT', text: 'on call' }],
    ['a channel message', { channel_type: 'channel', text: 'on call' }],
  ])('ignores %s', async (_what, message) => {
    const { client, calls } = fakeClient();
    await directMessage(deps)({ ...dm(message), client } as unknown as Args);
    expect(calls).toHaveLength(0);
  });
});
