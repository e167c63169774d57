import { beforeAll, describe, expect, it } from '@jest/globals';
import type { BotDeps } from '../../src/app/context.js';
import { openSearch } from '../../src/app/listeners/actions/openSearch.js';
import { sendToDm } from '../../src/app/listeners/actions/sendToDm.js';
import { showSection } from '../../src/app/listeners/actions/showSection.js';
import { appHomeOpened } from '../../src/app/listeners/events/appHomeOpened.js';
import { searchSubmitted } from '../../src/app/listeners/views/searchSubmitted.js';
import { encodeRef } from '../../src/slack/answerRef.js';
import { fakeAck, fakeClient, listenerDeps } from '../support/listenerDeps.js';
import { asView, viewHeader, viewText } from '../support/slackView.js';

type HomeArgs = Parameters<ReturnType<typeof appHomeOpened>>[0];
type ButtonArgs = Parameters<ReturnType<typeof openSearch>>[0];
type SubmitArgs = Parameters<ReturnType<typeof searchSubmitted>>[0];

let deps: BotDeps;
let freezes: string;
beforeAll(async () => {
  deps = await listenerDeps();
  freezes = deps.store.current().sections.find((s) => s.heading === 'Deploy freezes')!.id;
});

const modalView = { id: 'V1', hash: 'h1', type: 'modal', private_metadata: 'is there a freeze' };
function press(actionId: string, value: string, view: Record<string, unknown> = modalView) {
  const ack = fakeAck();
  return { ack, args: { ack, action: { type: 'button', action_id: actionId, value }, body: { type: 'block_actions', user: { id: 'U1' }, trigger_id: 't1', view, container: { type: 'view', view_id: view.id } } } };
}

describe('app_home_opened (listener)', () => {
  it('publishes the Home tab for the person, not for the Messages tab, and not twice for one event', async () => {
    const { client, calls } = fakeClient();
    const run = (event: Record<string, unknown>, eventId: string) => appHomeOpened(deps)({ event: { type: 'app_home_opened', user: 'U1', channel: 'D1', ...event }, body: { event_id: eventId }, client, context: { botUserId: 'UBOT' } } as unknown as HomeArgs);
    await run({ tab: 'home' }, 'Ev1');
    await run({ tab: 'home' }, 'Ev1');
    await run({ tab: 'messages' }, 'Ev2');
    expect(calls.map((c) => [c.method, c.args.user_id])).toEqual([['views.publish', 'U1']]);
    const view = asView(calls[0]!.args.view);
    expect(viewText(view)).toContain('Mention <@UBOT>');
    // Already showing this Home: nothing to publish.
    await run({ tab: 'home', view: { private_metadata: (calls[0]!.args.view as { private_metadata: string }).private_metadata } }, 'Ev3');
    expect(calls).toHaveLength(1);
  });

  it('logs a failed publish and resolves', async () => {
    const { client } = fakeClient({ 'views.publish': 'not_enabled' });
    await expect(appHomeOpened(deps)({ event: { type: 'app_home_opened', user: 'U1', tab: 'home' }, body: { event_id: 'Ev9' }, client, context: {} } as unknown as HomeArgs)).resolves.toBeUndefined();
    expect((deps as BotDeps & { logs: Record<string, unknown>[] }).logs.some((e) => e.msg === 'could not publish the Home tab' && e.slackError === 'not_enabled')).toBe(true);
  });
});

describe('the search modal (listeners)', () => {
  it('opens with the trigger of the Home tab’s button', async () => {
    const { client, calls } = fakeClient();
    const { ack, args } = press('open_search', 'home', { id: 'VHOME', type: 'home' });
    await openSearch(deps)({ ...args, client } as unknown as ButtonArgs);
    expect(ack).toHaveBeenCalledTimes(1);
    expect(calls[0]).toMatchObject({ method: 'views.open', args: { trigger_id: 't1' } });
    expect(asView(calls[0]!.args.view).callback_id).toBe('search_manual');
  });

  it('answers a submitted question in the ack, and sends a blank one back as an error', async () => {
    const submit = async (value: string | null) => {
      const ack = fakeAck();
      await searchSubmitted(deps)({ ack, view: { state: { values: { question: { question_text: { type: 'plain_text_input', value } } } } }, body: {} } as unknown as SubmitArgs);
      return ack.mock.calls[0]![0] as { response_action: string; view?: unknown; errors?: Record<string, string> };
    };
    const answered = await submit('deploy freeze');
    expect(answered.response_action).toBe('update');
    expect(viewHeader(asView(answered.view))).toBe('Deploy freezes');
    expect((await submit(null)).response_action).toBe('errors');
    expect((await submit(' \n ')).errors).toHaveProperty('question');
    expect(viewText(asView((await submit('help')).view))).toContain('Ask me about the GOV.UK developer manual');
  });

  it('shows a section button’s section in the modal, keeping the question', async () => {
    const { client, calls } = fakeClient();
    const { args } = press('show_section:0', freezes);
    await showSection(deps)({ ...args, client, respond: fakeAck() } as unknown as Parameters<ReturnType<typeof showSection>>[0]);
    expect(calls.map((c) => c.method)).toEqual(['views.update']);
    expect(calls[0]!.args).toMatchObject({ view_id: 'V1', hash: 'h1' });
    const view = asView(calls[0]!.args.view);
    expect(viewHeader(view)).toBe('Deploy freezes');
    expect(view.private_metadata).toBe('is there a freeze');
  });

  it('says in the modal when a section button’s section has gone', async () => {
    const { client, calls } = fakeClient();
    const { args } = press('show_section:0', 'https://gone.example/#x');
    await showSection(deps)({ ...args, client, respond: fakeAck() } as unknown as Parameters<ReturnType<typeof showSection>>[0]);
    expect(viewText(asView(calls[0]!.args.view))).toContain('no longer in the manual');
  });

  it('sends an answer to the person’s DM and marks it sent; says so when it cannot', async () => {
    const { client, calls } = fakeClient();
    await sendToDm(deps)({ ...press('send_to_dm', encodeRef({ kind: 'section', id: freezes })).args, client } as unknown as ButtonArgs);
    expect(calls.map((c) => c.method)).toEqual(['chat.postMessage', 'views.update']);
    expect(calls[0]!.args.channel).toBe('U1');
    // The DM takes feedback on the question asked in the modal; the modal itself has none.
    const feedback = (calls[0]!.args.blocks as { block_id?: string; elements?: { action_id: string; value: string }[] }[]).find((b) => b.block_id === 'feedback');
    expect(feedback?.elements?.map((e) => e.action_id)).toEqual(['feedback_helpful', 'feedback_not_helpful']);
    expect(JSON.parse(feedback!.elements![0]!.value)).toEqual({ q: 'is there a freeze', s: freezes });
    expect(viewText(asView(calls[1]!.args.view))).toContain('Sent to your direct messages');
    expect(JSON.stringify(calls[1]!.args.view)).not.toContain('feedback_helpful');

    const failing = fakeClient({ 'chat.postMessage': 'ratelimited' });
    await sendToDm(deps)({ ...press('send_to_dm', encodeRef({ kind: 'section', id: freezes })).args, client: failing.client } as unknown as ButtonArgs);
    expect(viewText(asView(failing.calls[1]!.args.view))).toContain("couldn't send");

    const stale = fakeClient();
    await sendToDm(deps)({ ...press('send_to_dm', 'garbage').args, client: stale.client } as unknown as ButtonArgs);
    expect(stale.calls.map((c) => c.method)).toEqual(['views.update']);
    expect(viewText(asView(stale.calls[0]!.args.view))).toContain('no longer in the manual');
  });
});
