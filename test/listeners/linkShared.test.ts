import { beforeAll, describe, expect, it } from '@jest/globals';
import type { BotDeps } from '../../src/app/context.js';
import { linkShared } from '../../src/app/listeners/events/linkShared.js';
import { fakeClient, listenerDeps } from '../support/listenerDeps.js';

type Args = Parameters<ReturnType<typeof linkShared>>[0];
const MANUAL = 'https://docs.publishing.service.gov.uk/manual';

let deps: BotDeps;
beforeAll(async () => {
  deps = await listenerDeps();
});

function shared(urls: string[], extra: Record<string, unknown> = {}, eventId = `Ev${Math.random()}`) {
  return { event: { type: 'link_shared', channel: 'C1', user: 'U1', message_ts: '5.0', links: urls.map((url) => ({ domain: 'docs.publishing.service.gov.uk', url })), ...extra }, body: { event_id: eventId }, context: { botUserId: 'UBOT' } };
}

describe('link_shared (listener)', () => {
  it('unfurls the links it knows with one call, keyed by the links as sent', async () => {
    const { client, calls } = fakeClient();
    const urls = [`${MANUAL}/deploying.html#deploy-freezes`, `${MANUAL}/on-call.html`, `${MANUAL}/missing.html`];
    await linkShared(deps)({ ...shared(urls), client } as unknown as Args);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args).toMatchObject({ channel: 'C1', ts: '5.0' });
    expect(Object.keys(calls[0]!.args.unfurls as object)).toEqual(urls.slice(0, 2));
  });

  it('makes no call when no link is the manual’s, for the bot’s own messages, or for an event seen before', async () => {
    const { client, calls } = fakeClient();
    await linkShared(deps)({ ...shared([`${MANUAL}/missing.html`, 'https://example.com/']), client } as unknown as Args);
    await linkShared(deps)({ ...shared([`${MANUAL}/on-call.html`], { user: 'UBOT' }), client } as unknown as Args);
    await linkShared(deps)({ ...shared([`${MANUAL}/on-call.html`], {}, 'EvSame'), client } as unknown as Args);
    await linkShared(deps)({ ...shared([`${MANUAL}/on-call.html`], {}, 'EvSame'), client } as unknown as Args);
    expect(calls).toHaveLength(1);
  });

  it('copes with an event with no links or no message to unfurl in', async () => {
    const { client, calls } = fakeClient();
    await linkShared(deps)({ event: { type: 'link_shared' }, body: {}, context: {}, client } as unknown as Args);
    await linkShared(deps)({ ...shared([`${MANUAL}/on-call.html`], { channel: undefined, message_ts: undefined }), client } as unknown as Args);
    expect(calls).toHaveLength(0);
    await linkShared(deps)({ ...shared([`${MANUAL}/on-call.html`], { channel: undefined, message_ts: undefined, unfurl_id: 'U.1' }), client } as unknown as Args);
    expect(calls[0]!.args).toMatchObject({ unfurl_id: 'U.1', source: 'conversations_history' });
  });
});
