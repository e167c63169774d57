import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeSlack } from '../support/fakeSlack.js';
import { SMALL_MANUAL } from '../support/listenerDeps.js';
import { actionBody, freshTs } from '../support/signedRequest.js';
import { allText, asMessage, blockKitViolations, buttonsOf, headerOf, type SlackMessage } from '../support/slackMessage.js';
import { type RunningBot, startBot } from '../support/startBot.js';
import { ephemeralActionPayload, messageShortcutPayload, type ShortcutOn, USER } from '../support/surfacePayloads.js';

let slack: FakeSlack;
let bot: RunningBot;
let n = 0;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  bot = await startBot(slack.url, { MANUAL_DIR: SMALL_MANUAL });
});
beforeEach(() => slack.reset());
afterAll(async () => {
  await bot.stop();
  await slack.stop();
});

/** A response URL of the fake Slack's, and the method name its posts are recorded under. */
function responseUrl(): { url: string; method: string } {
  const name = `shortcut-${++n}`;
  return { url: `${slack.responseUrlBase}${name}`, method: `response/${name}` };
}

/** Uses "Find in the manual" on a message and returns the private answer posted with chat.postEphemeral. */
async function useShortcut(on: Omit<ShortcutOn, 'responseUrl'>, response = responseUrl()): Promise<{ answer: SlackMessage; args: Record<string, unknown> }> {
  const res = await bot.post(actionBody(messageShortcutPayload({ ...on, responseUrl: response.url })));
  expect(res.status).toBe(200);
  const [call] = await slack.waitFor('chat.postEphemeral');
  return { answer: asMessage(call!.args), args: call!.args };
}

describe('the "Find in the manual" message shortcut', () => {
  it('answers the message privately, to the person who used it, with a button to share it in the thread', async () => {
    const { answer, args } = await useShortcut({ text: 'how do we roll back a release?' });
    expect(args).toMatchObject({ channel: 'C0TECHLEAD', user: USER.id });
    expect(args.thread_ts).toBeUndefined();
    expect(headerOf(answer)).toBe('Roll back a release');
    expect(buttonsOf(answer).find((b) => b.action_id === 'share_in_thread')?.text.text).toBe('Share in thread');
    expect(allText(answer)).toContain('Only you can see this');
    expect(blockKitViolations(answer)).toEqual([]);
    // Nothing public.
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    await bot.waitForLog((e) => e.msg === 'question' && e.source === 'shortcut' && e.answered === true);
  });

  it('answers in the message’s thread when it is in one', async () => {
    const threadTs = freshTs();
    const { args } = await useShortcut({ text: 'who is on call this week', threadTs });
    expect(args.thread_ts).toBe(threadTs);
  });

  it('shares the answer as a reply to the message when asked, then says so privately', async () => {
    const ts = freshTs();
    const { answer } = await useShortcut({ text: 'is there a deploy freeze on fridays', ts });
    const share = buttonsOf(answer).find((b) => b.action_id === 'share_in_thread')!;
    const response = responseUrl();
    await bot.post(actionBody(ephemeralActionPayload({ ...share, responseUrl: response.url })));

    const [post] = await slack.waitFor('chat.postMessage');
    expect(post!.args).toMatchObject({ channel: 'C0TECHLEAD', thread_ts: ts });
    const shared = asMessage(post!.args);
    expect(headerOf(shared)).toBe('Deploy freezes');
    // The public reply is the answer, not the private controls.
    expect(buttonsOf(shared).filter((b) => /share_in_thread|private_section/.test(b.action_id))).toEqual([]);
    expect(allText(shared)).not.toContain('Only you can see this');
    const [done] = await slack.waitFor(response.method);
    expect(done!.args).toMatchObject({ response_type: 'ephemeral', replace_original: true, text: 'Shared in the thread.' });
  });

  it('shares a threaded message’s answer in that thread', async () => {
    const threadTs = freshTs();
    const { answer } = await useShortcut({ text: 'roll back a release', threadTs });
    const share = buttonsOf(answer).find((b) => b.action_id === 'share_in_thread')!;
    await bot.post(actionBody(ephemeralActionPayload({ ...share, responseUrl: responseUrl().url })));
    const [post] = await slack.waitFor('chat.postMessage');
    expect(post!.args.thread_ts).toBe(threadTs);
  });

  it('shows another section privately, replacing the private answer, when one of its section buttons is pressed', async () => {
    const { answer } = await useShortcut({ text: 'deploying an application' });
    // A page answer: its "On this page" buttons show a section to this person only.
    const section = buttonsOf(answer).find((b) => b.action_id.startsWith('private_section'));
    if (!section) throw new Error(`no private section button in ${allText(answer)}`);
    expect(buttonsOf(answer).some((b) => b.action_id.startsWith('show_section'))).toBe(false);
    const response = responseUrl();
    await bot.post(actionBody(ephemeralActionPayload({ ...section, responseUrl: response.url })));

    const [shown] = await slack.waitFor(response.method);
    expect(shown!.args).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    const message = asMessage(shown!.args);
    expect(section.text.text.startsWith(headerOf(message)!)).toBe(true);
    expect(buttonsOf(message).some((b) => b.action_id === 'share_in_thread')).toBe(true);
    expect(blockKitViolations(message)).toEqual([]);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('answers through the response URL where the bot is not in the channel, still privately', async () => {
    slack.fail('chat.postEphemeral', { status: 200, body: { ok: false, error: 'not_in_channel' } });
    const response = responseUrl();
    await bot.post(actionBody(messageShortcutPayload({ text: 'roll back a release', responseUrl: response.url })));
    const [call] = await slack.waitFor(response.method);
    expect(call!.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(headerOf(asMessage(call!.args))).toBe('Roll back a release');
  });

  it('says how to share by hand where it cannot post the reply, keeping the private answer', async () => {
    const { answer } = await useShortcut({ text: 'roll back a release' });
    const share = buttonsOf(answer).find((b) => b.action_id === 'share_in_thread')!;
    slack.fail('chat.postMessage', { status: 200, body: { ok: false, error: 'not_in_channel' } });
    const response = responseUrl();
    await bot.post(actionBody(ephemeralActionPayload({ ...share, responseUrl: response.url })));
    const [call] = await slack.waitFor(response.method);
    expect(call!.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(call!.args.text).toContain("I can't post in this conversation");
    expect(call!.args.text).toContain('https://docs.publishing.service.gov.uk/manual/deploying.html#roll-back-a-release');
  });

  it('says so when the message has no text, and never echoes mentions back', async () => {
    const empty = await useShortcut({ text: '' });
    expect(allText(empty.answer)).toContain('no text I can look up');
    slack.reset();
    const { answer } = await useShortcut({ text: '<!channel> <@U0000077> what is the weather like' });
    expect(allText(answer)).not.toMatch(/<!channel>|<@U0000077>/);
    expect(buttonsOf(answer).some((b) => b.action_id === 'share_in_thread')).toBe(false);
  });

  it('answers a stale or foreign share button with "use it again", posting nothing', async () => {
    const response = responseUrl();
    await bot.post(actionBody(ephemeralActionPayload({ action_id: 'share_in_thread', value: 'not json', responseUrl: response.url })));
    const [call] = await slack.waitFor(response.method);
    expect(call!.args.text).toContain('out of date');
    // A value naming another conversation than the one the button was pressed in.
    const foreign = JSON.stringify({ s: 'https://docs.publishing.service.gov.uk/manual/deploying.html#deploy-freezes', c: 'C0OTHER', t: '1.2' });
    const again = responseUrl();
    await bot.post(actionBody(ephemeralActionPayload({ action_id: 'share_in_thread', value: foreign, responseUrl: again.url })));
    await slack.waitFor(again.method);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });
});
