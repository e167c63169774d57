import { beforeAll, describe, expect, it } from '@jest/globals';
import type { BotDeps } from '../../src/app/context.js';
import { techleadCommand } from '../../src/app/listeners/commands/techlead.js';
import { fakeAck, listenerDeps } from '../support/listenerDeps.js';
import { allText, asMessage, headerOf } from '../support/slackMessage.js';

type Args = Parameters<ReturnType<typeof techleadCommand>>[0];

let deps: BotDeps;
beforeAll(async () => {
  deps = await listenerDeps();
});

async function run(text: string) {
  const ack = fakeAck();
  await techleadCommand(deps)({ command: { text, command: '/techlead' }, ack } as unknown as Args);
  expect(ack).toHaveBeenCalledTimes(1);
  return asMessage(ack.mock.calls[0]![0]);
}

describe('/techlead (listener)', () => {
  it('answers in the acknowledgement, for the channel to see', async () => {
    const reply = await run('roll back a release');
    expect(reply.response_type).toBe('in_channel');
    expect(headerOf(reply)).toBe('Roll back a release');
    expect(allText(reply)).toContain('#fixture-platform');
  });

  it('shows help to the asker only when asked nothing', async () => {
    for (const text of ['', 'help']) {
      const reply = await run(text);
      expect(reply.response_type).toBe('ephemeral');
      expect(allText(reply)).toContain('/techlead');
    }
  });

  it('tells only the asker when the manual has nothing on it', async () => {
    const reply = await run('zzqx qqzz');
    expect(reply.response_type).toBe('ephemeral');
    expect(headerOf(reply)).toBeUndefined();
  });

  it('reads Slack’s escapes once', async () => {
    const reply = await run('zzqx R&amp;D');
    expect(allText(reply)).toContain('R&amp;D');
    expect(allText(reply)).not.toContain('&amp;amp;');
  });
});
