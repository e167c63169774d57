import { beforeAll, describe, expect, it } from '@jest/globals';
import type { BotDeps } from '../../src/app/context.js';
import { appMention } from '../../src/app/listeners/events/appMention.js';
import { fakeClient, listenerDeps } from '../support/listenerDeps.js';
import { asMessage, headerOf } from '../support/slackMessage.js';

type Args = Parameters<ReturnType<typeof appMention>>[0];

let deps: BotDeps;
beforeAll(async () => {
  deps = await listenerDeps();
});

function mention(text: string, extra: Record<string, unknown> = {}, eventId = `Ev${Math.random()}`) {
  return { event: { type: 'app_mention', text, channel: 'C1', ts: '1700000000.000100', user: 'U1', ...extra }, body: { event_id: eventId } };
}

describe('@techlead (listener)', () => {
  it('answers in the thread of the mention', async () => {
    const { client, calls } = fakeClient();
    await appMention(deps)({ ...mention('<@UBOT> the on call rota'), client } as unknown as Args);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.method).toBe('chat.postMessage');
    expect(calls[0]!.args).toMatchObject({ channel: 'C1', thread_ts: '1700000000.000100' });
    expect(headerOf(asMessage(calls[0]!.args))).toBe('Who is on call');
  });

  it('answers a mention inside a thread in that thread', async () => {
    const { client, calls } = fakeClient();
    await appMention(deps)({ ...mention('<@UBOT> deploy freeze', { thread_ts: '1699999999.000001' }), client } as unknown as Args);
    expect(calls[0]!.args.thread_ts).toBe('1699999999.000001');
  });

  it('answers an event once, however often Slack sends it', async () => {
    const { client, calls } = fakeClient();
    const event = mention('<@UBOT> roll back', {}, 'EvSame');
    await appMention(deps)({ ...event, client } as unknown as Args);
    await appMention(deps)({ ...event, client } as unknown as Args);
    expect(calls).toHaveLength(1);
  });

  it('ignores mentions by bots', async () => {
    const { client, calls } = fakeClient();
    await appMention(deps)({ ...mention('<@UBOT> on call', { bot_id: 'B1' }), client } as unknown as Args);
    expect(calls).toHaveLength(0);
  });

  it('logs a failed post and carries on', async () => {
    const { client } = fakeClient({ 'chat.postMessage': 'not_in_channel' });
    await expect(appMention(deps)({ ...mention('<@UBOT> on call'), client } as unknown as Args)).resolves.toBeUndefined();
  });
});
