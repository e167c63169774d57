import { beforeEach, describe, expect, it } from '@jest/globals';
import type { BotDeps } from '../../src/app/context.js';
import { feedback } from '../../src/app/listeners/actions/feedback.js';
import { ASK_OWNERS, decodeAskOwners, encodeValue, FEEDBACK_HELPFUL, FEEDBACK_NOT_HELPFUL } from '../../src/slack/followUps.js';
import { fakeAck, fakeClient, listenerDeps } from '../support/listenerDeps.js';
import { asMessage, buttonOf } from '../support/slackMessage.js';

type Args = Parameters<ReturnType<typeof feedback>>[0];
const SECTION = 'https://docs.publishing.service.gov.uk/manual/deploying.html#deploy-freezes';
const DAY = 86_400_000;

let deps: BotDeps & { logs: Record<string, unknown>[] };
beforeEach(async () => {
  deps = await listenerDeps();
});

async function click(actionId: string, opts: { user?: string; messageTs?: string; value?: string } = {}) {
  const ack = fakeAck();
  const respond = fakeAck();
  const { client } = fakeClient();
  const value = opts.value ?? encodeValue({ q: 'can I deploy on a friday <@U0BOSS>', s: SECTION });
  const args = {
    ack, respond, client,
    action: { type: 'button', action_id: actionId, value },
    body: { type: 'block_actions', user: { id: opts.user ?? 'U0000042' }, channel: { id: 'C0TECHLEAD' }, container: { type: 'message', channel_id: 'C0TECHLEAD', message_ts: opts.messageTs ?? '1700000000.000100' }, response_url: 'https://hooks.example/r' },
  };
  await feedback(deps)(args as unknown as Args);
  expect(ack).toHaveBeenCalledTimes(1);
  expect(respond).toHaveBeenCalledTimes(1);
  return asMessage(respond.mock.calls[0]![0]);
}

async function stored() {
  expect(await deps.records.flush()).toBe(true);
  const since = new Date(Date.now() - DAY);
  return { stats: await deps.records.store.stats(since), gaps: await deps.records.store.gaps(since) };
}

describe('Helpful / Not helpful (listener)', () => {
  it('thanks the clicker alone for "Helpful" and records a helpful vote against the section’s page, without the question', async () => {
    const reply = await click(FEEDBACK_HELPFUL);
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(reply.text).toMatch(/glad it helped/);
    const { stats, gaps } = await stored();
    expect(stats.pages).toEqual([expect.objectContaining({ page: { url: 'https://docs.publishing.service.gov.uk/manual/deploying.html', title: 'Deploying an application' }, helpful: 1, notHelpful: 0 })]);
    expect(gaps).toEqual([]);
  });

  it('after "Not helpful", puts the question (stripped of mentions) in the report and offers to ask the page’s owners', async () => {
    const reply = await click(FEEDBACK_NOT_HELPFUL);
    expect(reply.response_type).toBe('ephemeral');
    const ask = buttonOf(reply, ASK_OWNERS)!;
    expect(ask.text.text).toBe('Ask #fixture-platform');
    expect(decodeAskOwners(ask.value)).toEqual({ q: 'can I deploy on a friday', r: 'unhelpful', p: 'https://docs.publishing.service.gov.uk/manual/deploying.html' });
    const { gaps } = await stored();
    expect(gaps).toEqual([expect.objectContaining({ question: 'can I deploy on a friday', reason: 'unhelpful', owner: '#fixture-platform', count: 1 })]);
  });

  it('counts one vote per person and answer: clicking again, or changing one’s mind, replaces it', async () => {
    await click(FEEDBACK_NOT_HELPFUL);
    await click(FEEDBACK_NOT_HELPFUL);
    await click(FEEDBACK_HELPFUL, { user: 'U0000043' });
    await click(FEEDBACK_HELPFUL, { messageTs: '1700000001.000100' });
    const page = (await stored()).stats.pages[0]!;
    expect(page).toMatchObject({ helpful: 2, notHelpful: 1 });

    await click(FEEDBACK_HELPFUL);
    const after = await stored();
    expect(after.stats.pages[0]).toMatchObject({ helpful: 3, notHelpful: 0 });
    expect(after.gaps).toEqual([]);
  });

  it('answers a click it cannot make sense of, and records nothing', async () => {
    const reply = await click(FEEDBACK_HELPFUL, { value: 'garbled' });
    expect(reply.text).toMatch(/couldn't tell which answer/);
    expect(deps.records.pending).toBe(0);
    expect(deps.logs.some((l) => l.level === 'warn' && String(l.msg).includes('feedback click'))).toBe(true);
  });
});
