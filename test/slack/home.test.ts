import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeSlack } from '../support/fakeSlack.js';
import { SMALL_MANUAL } from '../support/listenerDeps.js';
import { actionBody, commandBody, eventBody } from '../support/signedRequest.js';
import { asMessage, headerOf } from '../support/slackMessage.js';
import { asView, type SlackView, viewButtons, viewHeader, viewText, viewViolations } from '../support/slackView.js';
import { type RunningBot, startBot } from '../support/startBot.js';
import { appHomeOpenedEvent, searchSubmission, USER, viewActionPayload, viewState } from '../support/surfacePayloads.js';

const MANUAL = 'https://docs.publishing.service.gov.uk/manual';

let slack: FakeSlack;
let bot: RunningBot;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  bot = await startBot(slack.url, { MANUAL_DIR: SMALL_MANUAL });
});
beforeEach(() => slack.reset());
afterAll(async () => {
  await bot.stop();
  await slack.stop();
});

/** Opens the Home tab as `user` and returns what was published for them. */
async function openHome(user: string, view?: Record<string, unknown>): Promise<SlackView> {
  expect((await bot.post(eventBody(appHomeOpenedEvent({ user, view })))).status).toBe(200);
  const calls = await slack.waitFor('views.publish');
  const call = calls.find((c) => c.args.user_id === user);
  if (!call) throw new Error(`nothing published for ${user}`);
  return asView(call.args.view);
}

describe('the Home tab (small manual)', () => {
  it('is published to the person who opened it, with a search button, how to ask and every topic linked', async () => {
    const view = await openHome('U0000042');
    const [call] = slack.callsTo('views.publish');
    expect(call!.args.user_id).toBe('U0000042');
    expect(view.type).toBe('home');
    expect(viewViolations(view)).toEqual([]);

    const search = viewButtons(view).find((b) => b.action_id === 'open_search');
    expect(search?.text.text).toBe('Search the manual');
    const text = viewText(view);
    // Every way to ask: the command, a mention (the bot's own name, from auth.test), a DM, the shortcut, a link.
    expect(text).toContain('`/techlead leavers`');
    expect(text).toContain(`Mention <@${FakeSlack.BOT_USER_ID}>`);
    expect(text).toContain('direct message');
    expect(text).toContain('*Find in the manual*');
    expect(text).toContain('Paste a link');
    // The small manual's pages and every one of their sections, linked.
    expect(text).toContain(`*<${MANUAL}/deploying.html|Deploying an application>*`);
    expect(text).toContain(`<${MANUAL}/deploying.html#deploy-freezes|Deploy freezes>`);
    expect(text).toContain(`<${MANUAL}/on-call.html#hand-over-at-the-end-of-a-shift|Hand over at the end of a shift>`);
    for (const s of bot.store.current().sections.filter((x) => x.anchor)) expect(text).toContain(`<${s.url}|`);
    expect(text).toContain('(2 pages, 5 sections)');
  });

  it('is not published when the Messages tab is opened, nor again when the person already has the current one', async () => {
    const current = await openHome('U0000001');
    slack.reset();
    await bot.post(eventBody(appHomeOpenedEvent({ user: 'U0000002', tab: 'messages' })));
    await bot.post(eventBody(appHomeOpenedEvent({ user: 'U0000003', view: viewState({ ...current, id: 'VHOME3' }) })));
    // A stale Home (published by an older version, or before a reload) is replaced.
    const stale = await openHome('U0000004', viewState({ ...current, id: 'VHOME4', private_metadata: 'older' }));
    expect(viewViolations(stale)).toEqual([]);
    await new Promise((r) => setTimeout(r, 100));
    expect(slack.callsTo('views.publish').map((c) => c.args.user_id)).toEqual(['U0000004']);
  });

  it('logs a failed views.publish and keeps answering', async () => {
    slack.fail('views.publish', { status: 200, body: { ok: false, error: 'invalid_arguments' } });
    await bot.post(eventBody(appHomeOpenedEvent({ user: 'U0000005' })));
    const entry = await bot.waitForLog((e) => e.msg === 'could not publish the Home tab');
    expect(entry).toMatchObject({ level: 'error', slackError: 'invalid_arguments' });
    expect(headerOf(asMessage((await bot.post(commandBody('deploy freeze'))).json))).toBe('Deploy freezes');
  });
});

describe('the search modal', () => {
  /** The modal as views.open opened it from the Home tab's button. */
  async function openSearch(): Promise<SlackView> {
    const home = await openHome(USER.id);
    slack.reset();
    const button = viewButtons(home).find((b) => b.action_id === 'open_search')!;
    expect((await bot.post(actionBody(viewActionPayload(viewState({ ...home, id: 'VHOME' }), button)))).status).toBe(200);
    const [open] = await slack.waitFor('views.open');
    expect(open!.args.trigger_id).toBe('12345.98765.abcd');
    return asView(open!.args.view);
  }

  /** Submits `question` in `modal` and returns the view the ack updates it to. */
  async function submit(question: string, modal: SlackView): Promise<{ response_action: string; view?: SlackView; errors?: Record<string, string> }> {
    const res = await bot.post(actionBody(searchSubmission(question, modal as unknown as Record<string, unknown>)));
    expect(res.status).toBe(200);
    const body = res.json as { response_action: string; view?: unknown; errors?: Record<string, string> };
    return { ...body, view: body.view ? asView(body.view) : undefined };
  }

  it('opens from the Home tab with a question box', async () => {
    const modal = await openSearch();
    expect(modal.type).toBe('modal');
    expect(modal.callback_id).toBe('search_manual');
    expect(modal.blocks[0]).toMatchObject({ type: 'input', block_id: 'question', element: { type: 'plain_text_input', action_id: 'question_text' } });
    expect(viewViolations(modal)).toEqual([]);
  });

  it('shows the answer in the modal, under the question, with a button to send it to a DM; nothing is posted', async () => {
    const answered = await submit('how do I roll back a release', await openSearch());
    expect(answered.response_action).toBe('update');
    const view = answered.view!;
    expect(viewHeader(view)).toBe('Roll back a release');
    expect(view.blocks[0]).toMatchObject({ type: 'input', element: { initial_value: 'how do I roll back a release' } });
    expect(viewText(view)).toContain('Owned by #fixture-platform');
    expect(viewButtons(view).some((b) => b.action_id === 'send_to_dm')).toBe(true);
    expect(viewViolations(view)).toEqual([]);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    await bot.waitForLog((e) => e.msg === 'question' && e.source === 'home' && e.answered === true);
  });

  it('asks for a question when the box is blank', async () => {
    const res = await submit('   ', await openSearch());
    expect(res.response_action).toBe('errors');
    expect(res.errors?.question).toMatch(/Type a question/);
  });

  it('says so, without echoing mentions, when the manual has nothing on it, and offers nothing to send', async () => {
    const { view } = await submit('the weather <!channel> @here', await openSearch());
    const text = viewText(view!);
    expect(text).toContain("I don't have a section of the manual on");
    expect(text).not.toContain('<!channel>');
    expect(text).not.toMatch(/(^|[^\u200b])@here/);
    expect(viewButtons(view!).some((b) => b.action_id === 'send_to_dm')).toBe(false);
    expect(viewViolations(view!)).toEqual([]);
  });

  it('shows a section picked from a page answer in the modal itself', async () => {
    const { view } = await submit('deploying an application', await openSearch());
    const sectionButton = viewButtons(view!).find((b) => b.action_id.startsWith('show_section'));
    if (!sectionButton) throw new Error(`no section button in ${viewText(view!)}`);
    const pressed = viewState({ ...view!, id: 'VSEARCH', hash: 'hash-1' });
    expect((await bot.post(actionBody(viewActionPayload(pressed, sectionButton)))).status).toBe(200);

    const [update] = await slack.waitFor('views.update');
    expect(update!.args).toMatchObject({ view_id: 'VSEARCH', hash: 'hash-1' });
    const shown = asView(update!.args.view);
    expect(sectionButton.text.text.startsWith(viewHeader(shown)!)).toBe(true);
    expect(shown.blocks[0]).toMatchObject({ type: 'input', element: { initial_value: 'deploying an application' } });
    expect(viewButtons(shown).some((b) => b.action_id === 'send_to_dm')).toBe(true);
    expect(viewViolations(shown)).toEqual([]);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('sends the answer to the person’s DM with the bot, then says it was sent', async () => {
    const { view } = await submit('deploy freeze', await openSearch());
    const send = viewButtons(view!).find((b) => b.action_id === 'send_to_dm')!;
    await bot.post(actionBody(viewActionPayload(viewState({ ...view!, id: 'VSEARCH' }), send)));

    const [post] = await slack.waitFor('chat.postMessage');
    expect(post!.args.channel).toBe(USER.id);
    expect(headerOf(asMessage(post!.args))).toBe('Deploy freezes');
    const [update] = await slack.waitFor('views.update');
    const sent = asView(update!.args.view);
    expect(viewText(sent)).toContain('Sent to your direct messages');
    expect(viewButtons(sent).some((b) => b.action_id === 'send_to_dm')).toBe(false);
    expect(viewHeader(sent)).toBe('Deploy freezes');
  });

  it('says in the modal when the answer could not be sent', async () => {
    const { view } = await submit('deploy freeze', await openSearch());
    const send = viewButtons(view!).find((b) => b.action_id === 'send_to_dm')!;
    slack.fail('chat.postMessage', { status: 200, body: { ok: false, error: 'cannot_dm_bot' } });
    await bot.post(actionBody(viewActionPayload(viewState({ ...view!, id: 'VSEARCH' }), send)));
    const [update] = await slack.waitFor('views.update');
    expect(viewText(asView(update!.args.view))).toContain("couldn't send that to your DMs");
    await bot.waitForLog((e) => e.msg === 'could not send an answer to a DM' && e.slackError === 'cannot_dm_bot');
  });
});
