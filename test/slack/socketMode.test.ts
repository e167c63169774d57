import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeSlack } from '../support/fakeSlack.js';
import { FakeSocketMode } from '../support/fakeSocketMode.js';
import { blockActionsPayload, eventBody, freshTs, mentionEvent } from '../support/signedRequest.js';
import { ASK_OWNERS, encodeValue, FEEDBACK_NOT_HELPFUL } from '../../src/slack/followUps.js';
import { allText, asMessage, buttonOf, footerOf, headerOf } from '../support/slackMessage.js';
import { SMALL_MANUAL } from '../support/listenerDeps.js';
import { APP_TOKEN, type RunningBot, startSocketBot } from '../support/startBot.js';

let slack: FakeSlack;
let socket: FakeSocketMode;
let bot: RunningBot;
let envelopes = 0;
const envelopeId = () => `env-${Date.now()}-${++envelopes}`;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  socket = await new FakeSocketMode().start();
  slack.answer('apps.connections.open', { ok: true, url: socket.url });
  bot = await startSocketBot(slack.url);
});
beforeEach(() => {
  slack.calls.length = 0;
});
afterAll(async () => {
  await bot?.stop();
  await socket.stop();
  await slack.stop();
});

describe('Socket Mode', () => {
  it('is connected to the URL apps.connections.open gave', () => {
    expect(bot.mode).toBe('socket');
    expect(socket.connected).toBe(true);
    expect(socket.connections).toHaveLength(1);
  });

  it('acks an events_api envelope and answers the mention in its thread', async () => {
    const event = mentionEvent(`<@${FakeSlack.BOT_USER_ID}> leavers`);
    const id = envelopeId();
    socket.send({ envelope_id: id, type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload: JSON.parse(eventBody(event)) as unknown });

    const ack = await socket.waitForAck(id);
    expect(ack.envelope_id).toBe(id);
    const [call] = await slack.waitFor('chat.postMessage');
    expect(call!.args.channel).toBe('C0TECHLEAD');
    expect(call!.args.thread_ts).toBe(event.ts);
    expect(headerOf(asMessage(call!.args))).toBe('Managing leavers');
  });

  it('answers a slash_commands envelope in the ack itself, visible to the channel', async () => {
    const id = envelopeId();
    socket.send({
      envelope_id: id,
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        token: 'deprecated', team_id: 'T0000001', team_domain: 'govuk', channel_id: 'C0TECHLEAD', channel_name: 'govuk-tech-leads',
        user_id: 'U0000042', user_name: 'alex', command: '/techlead', text: 'leavers', api_app_id: 'A0000001', is_enterprise_install: 'false',
        response_url: `${slack.responseUrlBase}socket-command`, trigger_id: '1.2.3',
      },
    });

    const ack = await socket.waitForAck(id);
    const reply = asMessage(ack.payload);
    expect(reply.response_type).toBe('in_channel');
    expect(headerOf(reply)).toBe('Managing leavers');
    expect(footerOf(reply)).toContain('tech-lead-responsibilities.html#managing-leavers');
    expect(allText(reply)).toContain('<https://github.com/alphagov/govuk-user-reviewer|user reviewer>');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('answers help to a slash command with no text, only to the person asking', async () => {
    const id = envelopeId();
    socket.send({
      envelope_id: id, type: 'slash_commands', accepts_response_payload: true,
      payload: { team_id: 'T0000001', channel_id: 'C0TECHLEAD', user_id: 'U0000042', command: '/techlead', text: '', api_app_id: 'A0000001', response_url: `${slack.responseUrlBase}socket-help`, trigger_id: '1.2.3' },
    });

    const reply = asMessage((await socket.waitForAck(id)).payload);
    expect(reply.response_type).toBe('ephemeral');
    expect(allText(reply)).toContain('Onboarding new team members');
  });

  it('acks an interactive envelope (an "Also:" button) and posts the section in the thread', async () => {
    const id = envelopeId();
    const threadTs = freshTs();
    const value = 'https://docs.publishing.service.gov.uk/manual/tech-lead-responsibilities.html#onboarding-new-team-members';
    socket.send({ envelope_id: id, type: 'interactive', accepts_response_payload: false, payload: blockActionsPayload({ value, channel: 'C0TECHLEAD', threadTs, responseUrl: `${slack.responseUrlBase}socket-button` }) });

    await socket.waitForAck(id);
    const [call] = await slack.waitFor('chat.postMessage');
    expect(call!.args.thread_ts).toBe(threadTs);
    expect(headerOf(asMessage(call!.args))).toBe('Onboarding new team members');
  });

  it('acks a "Not helpful" click and answers the clicker alone, offering to ask the page’s owners', async () => {
    const id = envelopeId();
    const value = encodeValue({ q: 'leavers', s: 'https://docs.publishing.service.gov.uk/manual/tech-lead-responsibilities.html#managing-leavers' });
    socket.send({ envelope_id: id, type: 'interactive', accepts_response_payload: false, payload: blockActionsPayload({ value, actionId: FEEDBACK_NOT_HELPFUL, channel: 'C0TECHLEAD', responseUrl: `${slack.responseUrlBase}socket-feedback` }) });

    await socket.waitForAck(id);
    const [reply] = await slack.waitFor('response/socket-feedback');
    const message = asMessage(reply!.args);
    expect(message.response_type).toBe('ephemeral');
    expect(buttonOf(message, ASK_OWNERS)?.text.text).toBe('Ask #govuk-tech-leads');
  });

  it('acks an "Ask #channel" click, posts the question to the owners’ channel and tells the asker where', async () => {
    slack.answer('conversations.list', { ok: true, channels: [{ id: 'C0LEADS', name: 'govuk-tech-leads' }] });
    slack.answer('chat.getPermalink', { ok: true, permalink: 'https://govuk.slack.com/archives/C0LEADS/p1' });
    const id = envelopeId();
    const value = encodeValue({ q: 'how often should I catch up with my developers', r: 'declined', p: 'https://docs.publishing.service.gov.uk/manual/tech-lead-responsibilities.html' });
    socket.send({ envelope_id: id, type: 'interactive', accepts_response_payload: false, payload: blockActionsPayload({ value, actionId: ASK_OWNERS, channel: 'C0TECHLEAD', responseUrl: `${slack.responseUrlBase}socket-ask` }) });

    await socket.waitForAck(id);
    const [post] = await slack.waitFor('chat.postMessage');
    expect(post!.args.channel).toBe('C0LEADS');
    expect(allText(asMessage(post!.args))).toContain('how often should I catch up with my developers');
    const [reply] = await slack.waitFor('response/socket-ask');
    expect(String(reply!.args.text)).toContain('<https://govuk.slack.com/archives/C0LEADS/p1|see it there>');
  });

  it('answers a retried events_api envelope once', async () => {
    const event = mentionEvent(`<@${FakeSlack.BOT_USER_ID}> weeknote`);
    const payload = JSON.parse(eventBody(event)) as unknown;
    const first = envelopeId();
    const retry = envelopeId();
    socket.send({ envelope_id: first, type: 'events_api', accepts_response_payload: false, payload });
    await socket.waitForAck(first);
    await slack.waitFor('chat.postMessage');
    socket.send({ envelope_id: retry, type: 'events_api', accepts_response_payload: false, retry_attempt: 1, retry_reason: 'timeout', payload });
    await socket.waitForAck(retry);

    const marker = mentionEvent(`<@${FakeSlack.BOT_USER_ID}> incident reviews`, { channel: 'C0MARKER' });
    socket.send({ envelope_id: envelopeId(), type: 'events_api', accepts_response_payload: false, payload: JSON.parse(eventBody(marker)) as unknown });
    await slack.waitFor('chat.postMessage', 2);
    await new Promise((r) => setTimeout(r, 150));
    expect(slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0TECHLEAD')).toHaveLength(1);
  });
});

// The bots below test the connection, not answers: the small manual starts them in a moment.
describe('Socket Mode start and stop', () => {
  it('opens the connection with the app token, and app.stop() closes it cleanly', async () => {
    const otherSlack = await new FakeSlack().start();
    const otherSocket = await new FakeSocketMode().start();
    otherSlack.answer('apps.connections.open', { ok: true, url: otherSocket.url });
    try {
      const other = await startSocketBot(otherSlack.url, { MANUAL_DIR: SMALL_MANUAL });
      const [open] = otherSlack.callsTo('apps.connections.open');
      expect(open!.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
      expect(otherSocket.connected).toBe(true);
      expect(other.logs.filter((e) => e.level === 'error')).toEqual([]);

      const closed = otherSocket.waitForClose();
      await other.stop();
      await closed;
      expect(otherSocket.connected).toBe(false);
      // Nothing secret in the logs, at debug level either.
      expect(JSON.stringify(other.logs)).not.toContain(APP_TOKEN);
    } finally {
      await otherSocket.stop();
      await otherSlack.stop();
    }
  });
});

describe('Socket Mode reconnection', () => {
  it('reconnects when Slack closes the connection, even when apps.connections.open fails for a while', async () => {
    const otherSlack = await new FakeSlack().start();
    const otherSocket = await new FakeSocketMode().start();
    otherSlack.answer('apps.connections.open', { ok: true, url: otherSocket.url });
    try {
      const other = await startSocketBot(otherSlack.url, { MANUAL_DIR: SMALL_MANUAL });
      try {
        expect(otherSocket.connections).toHaveLength(1);
        // Slack recycles connections routinely; here its API is also down for the first attempt
        // (the client's own 3 retries included), which in @slack/socket-mode's reconnection
        // would have been an unhandled rejection.
        otherSlack.fail('apps.connections.open', { status: 503 }, 4);
        const closed = otherSocket.waitForClose();
        otherSocket.send({ type: 'disconnect', reason: 'refresh_requested' });
        await closed;

        await other.waitForLog((e) => e.msg === 'reconnected to Slack', 15_000);
        expect(otherSlack.failedCallsTo('apps.connections.open')).toHaveLength(4);
        expect(other.logs.some((e) => e.msg === 'cannot connect to Slack (Socket Mode); will try again' && e.status === 503)).toBe(true);
        expect(otherSocket.connections).toHaveLength(2);

        // And it answers on the new connection.
        const id = envelopeId();
        otherSocket.send({
          envelope_id: id, type: 'slash_commands', accepts_response_payload: true,
          payload: { team_id: 'T0000001', channel_id: 'C0TECHLEAD', user_id: 'U0000042', command: '/techlead', text: 'deploy freezes', api_app_id: 'A0000001', response_url: `${otherSlack.responseUrlBase}after`, trigger_id: '1.2.3' },
        });
        expect(headerOf(asMessage((await otherSocket.waitForAck(id)).payload))).toBe('Deploy freezes');

        // A new connection Slack drops before saying hello: @slack/socket-mode rejects with no
        // error at all, which must be retried like any other failure.
        const before = other.logs.filter((e) => e.msg === 'reconnected to Slack').length;
        otherSocket.dropNext();
        const closedAgain = otherSocket.waitForClose();
        otherSocket.send({ type: 'disconnect', reason: 'refresh_requested' });
        await closedAgain;
        await other.waitForLog((e) => e.msg === 'reconnected to Slack' && other.logs.filter((l) => l.msg === 'reconnected to Slack').length > before, 15_000);
        expect(otherSocket.connections).toHaveLength(4);
        expect(otherSocket.connected).toBe(true);
      } finally {
        await other.stop();
      }
    } finally {
      await otherSocket.stop();
      await otherSlack.stop();
    }
  }, 30_000);
});
