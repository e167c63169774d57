import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeSlack } from '../support/fakeSlack.js';
import { FakeSocketMode } from '../support/fakeSocketMode.js';
import { SMALL_MANUAL } from '../support/listenerDeps.js';
import { eventBody, freshTs } from '../support/signedRequest.js';
import { asMessage, buttonsOf, headerOf } from '../support/slackMessage.js';
import { asView, viewButtons, viewHeader, viewViolations } from '../support/slackView.js';
import { type RunningBot, startSocketBot } from '../support/startBot.js';
import { appHomeOpenedEvent, ephemeralActionPayload, linkSharedEvent, messageShortcutPayload, searchSubmission, USER, viewActionPayload, viewState } from '../support/surfacePayloads.js';

/** The surfaces of issue 21 over Socket Mode: the same listeners, reached through envelopes instead of HTTP. */
let slack: FakeSlack;
let socket: FakeSocketMode;
let bot: RunningBot;
let envelopes = 0;
const envelopeId = () => `env-surfaces-${++envelopes}`;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  socket = await new FakeSocketMode().start();
  slack.answer('apps.connections.open', { ok: true, url: socket.url });
  bot = await startSocketBot(slack.url, { MANUAL_DIR: SMALL_MANUAL });
});
beforeEach(() => slack.reset());
afterAll(async () => {
  await bot?.stop();
  await socket.stop();
  await slack.stop();
});

function sendEvent(event: Record<string, unknown>): string {
  const id = envelopeId();
  socket.send({ envelope_id: id, type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload: JSON.parse(eventBody(event)) as unknown });
  return id;
}

function sendInteractive(payload: Record<string, unknown>): string {
  const id = envelopeId();
  socket.send({ envelope_id: id, type: 'interactive', accepts_response_payload: payload.type === 'view_submission', payload });
  return id;
}

describe('Slack surfaces over Socket Mode', () => {
  it('publishes the Home tab when it is opened', async () => {
    await socket.waitForAck(sendEvent(appHomeOpenedEvent()));
    const [call] = await slack.waitFor('views.publish');
    expect(call!.args.user_id).toBe(USER.id);
    const home = asView(call!.args.view);
    expect(viewViolations(home)).toEqual([]);
    expect(viewButtons(home).map((b) => b.action_id)).toContain('open_search');
  });

  it('opens the search modal, and answers a question in the submission’s ack', async () => {
    await socket.waitForAck(sendInteractive(viewActionPayload(viewState({ type: 'home', blocks: [] }), { action_id: 'open_search', value: 'home' })));
    const [open] = await slack.waitFor('views.open');
    const modal = asView(open!.args.view);

    const ack = await socket.waitForAck(sendInteractive(searchSubmission('roll back a release', modal as unknown as Record<string, unknown>)));
    const payload = ack.payload as { response_action: string; view: unknown };
    expect(payload.response_action).toBe('update');
    const answered = asView(payload.view);
    expect(viewHeader(answered)).toBe('Roll back a release');
    expect(viewButtons(answered).some((b) => b.action_id === 'send_to_dm')).toBe(true);
  });

  it('answers the message shortcut privately, and shares it in the thread when asked', async () => {
    const ts = freshTs();
    await socket.waitForAck(sendInteractive(messageShortcutPayload({ text: 'how do I roll back a release', ts, responseUrl: `${slack.responseUrlBase}socket-shortcut` })));
    const [ephemeral] = await slack.waitFor('chat.postEphemeral');
    const answer = asMessage(ephemeral!.args);
    expect(ephemeral!.args.user).toBe(USER.id);
    expect(headerOf(answer)).toBe('Roll back a release');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);

    const share = buttonsOf(answer).find((b) => b.action_id === 'share_in_thread')!;
    await socket.waitForAck(sendInteractive(ephemeralActionPayload({ ...share, responseUrl: `${slack.responseUrlBase}socket-share` })));
    const [post] = await slack.waitFor('chat.postMessage');
    expect(post!.args).toMatchObject({ channel: 'C0TECHLEAD', thread_ts: ts });
    expect(headerOf(asMessage(post!.args))).toBe('Roll back a release');
    await slack.waitFor('response/socket-share');
  });

  it('unfurls links to the manual with one chat.unfurl call', async () => {
    const section = 'https://docs.publishing.service.gov.uk/manual/deploying.html#deploy-freezes';
    const page = 'https://docs.publishing.service.gov.uk/manual/on-call.html';
    await socket.waitForAck(sendEvent(linkSharedEvent([section, page, 'https://docs.publishing.service.gov.uk/manual/gone.html'])));
    const [call] = await slack.waitFor('chat.unfurl');
    const unfurls = JSON.parse(String(call!.args.unfurls)) as Record<string, unknown>;
    expect(Object.keys(unfurls).sort()).toEqual([section, page].sort());
  });
});
