import { beforeAll, describe, expect, it } from '@jest/globals';
import type { BotDeps } from '../../src/app/context.js';
import { showSection } from '../../src/app/listeners/actions/showSection.js';
import { fakeAck, fakeClient, listenerDeps } from '../support/listenerDeps.js';
import { asMessage, headerOf } from '../support/slackMessage.js';

type Args = Parameters<ReturnType<typeof showSection>>[0];

let deps: BotDeps;
let sectionId: string;
beforeAll(async () => {
  deps = await listenerDeps();
  sectionId = deps.store.current().sections.find((s) => s.heading === 'Deploy freezes')!.id;
});

function press(value: string, body: Record<string, unknown>) {
  const ack = fakeAck();
  const respond = fakeAck();
  return { ack, respond, args: { ack, respond, action: { type: 'button', action_id: 'show_section:0', value }, body: { type: 'block_actions', ...body } } };
}

describe('a section button (listener)', () => {
  it('posts the section in the thread it was pressed in', async () => {
    const { client, calls } = fakeClient();
    const { ack, args } = press(sectionId, { channel: { id: 'C1' }, message: { ts: '2', thread_ts: '1' }, response_url: 'https://hooks.example/r' });
    await showSection(deps)({ ...args, client } as unknown as Args);
    expect(ack).toHaveBeenCalledTimes(1);
    expect(calls[0]!.args).toMatchObject({ channel: 'C1', thread_ts: '1' });
    expect(headerOf(asMessage(calls[0]!.args))).toBe('Deploy freezes');
  });

  it('under a slash command’s reply, posts through the response URL', async () => {
    const { client, calls } = fakeClient();
    const { respond, args } = press(sectionId, { channel: { id: 'C1' }, message: { ts: '2' }, response_url: 'https://hooks.example/r' });
    await showSection(deps)({ ...args, client } as unknown as Args);
    expect(calls).toHaveLength(0);
    expect(respond).toHaveBeenCalledWith(expect.objectContaining({ response_type: 'in_channel', replace_original: false }));
  });

  it('falls back to the response URL where the bot is not a member', async () => {
    const { client } = fakeClient({ 'chat.postMessage': 'not_in_channel' });
    const { respond, args } = press(sectionId, { channel: { id: 'C1' }, message: { ts: '2', thread_ts: '1' }, response_url: 'https://hooks.example/r' });
    await showSection(deps)({ ...args, client } as unknown as Args);
    expect(respond).toHaveBeenCalledTimes(1);
  });

  it('says so when the section has gone from the manual', async () => {
    const { client } = fakeClient();
    const { respond, args } = press('https://gone.example/#x', { channel: { id: 'C1' }, response_url: 'https://hooks.example/r' });
    await showSection(deps)({ ...args, client } as unknown as Args);
    expect(respond).toHaveBeenCalledWith(expect.objectContaining({ response_type: 'ephemeral' }));
  });
});
