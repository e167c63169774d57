import { beforeEach, describe, expect, it } from '@jest/globals';
import type { BotDeps } from '../../src/app/context.js';
import { askOwners } from '../../src/app/listeners/actions/askOwners.js';
import { encodeValue } from '../../src/slack/followUps.js';
import { type ClientCall, fakeAck, fakeClient, listenerDeps } from '../support/listenerDeps.js';
import { allText, asMessage } from '../support/slackMessage.js';

type Args = Parameters<ReturnType<typeof askOwners>>[0];
const PAGE = 'https://docs.publishing.service.gov.uk/manual/deploying.html';

let deps: BotDeps & { logs: Record<string, unknown>[] };
beforeEach(async () => {
  deps = await listenerDeps();
});

async function click(opts: { value?: string; failWith?: Record<string, string>; messageTs?: string } = {}) {
  const ack = fakeAck();
  const respond = fakeAck();
  const { client, calls } = fakeClient(opts.failWith);
  const value = opts.value ?? encodeValue({ q: 'can I deploy on a bank holiday? <!channel>', r: 'offered', p: PAGE });
  const args = {
    ack, respond, client,
    action: { type: 'button', action_id: 'ask_owners', value },
    body: { type: 'block_actions', user: { id: 'U0000042' }, channel: { id: 'C0TECHLEAD' }, container: { type: 'message', channel_id: 'C0TECHLEAD', message_ts: opts.messageTs ?? '1700000000.000100', is_ephemeral: true }, response_url: 'https://hooks.example/r' },
  };
  await askOwners(deps)(args as unknown as Args);
  expect(ack).toHaveBeenCalledTimes(1);
  expect(respond).toHaveBeenCalledTimes(1);
  return { reply: asMessage(respond.mock.calls[0]![0]), calls, posts: calls.filter((c: ClientCall) => c.method === 'chat.postMessage') };
}

describe('"Ask #channel" (listener)', () => {
  it('posts the question, who asked and the page to the page’s owner channel, and tells the asker where, with a permalink', async () => {
    const { reply, posts, calls } = await click();
    expect(posts).toHaveLength(1);
    const post = posts[0]!.args;
    expect(post.channel).toBe('C0PLATFORM');
    const text = allText(asMessage(post));
    expect(text).toContain('<@U0000042>');
    expect(text).toContain(`<${PAGE}|Deploying an application>`);
    expect(text).toContain('can I deploy on a bank holiday?');
    expect(text).toContain('not sure which section');
    expect(JSON.stringify(post)).not.toContain('<!channel>');
    expect(calls.find((c) => c.method === 'chat.getPermalink')?.args).toEqual({ channel: 'C0PLATFORM', message_ts: '1700000000.000100' });
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(reply.text).toContain('<#C0PLATFORM|fixture-platform>');
    expect(reply.text).toContain('<https://example.slack.com/archives/C1/p1|see it there>');
  });

  it('posts once however often it is clicked, and points at the first post', async () => {
    await click();
    const again = await click();
    expect(again.posts).toHaveLength(0);
    expect(again.reply.text).toContain("I've already posted your question in <#C0PLATFORM|fixture-platform>: <https://example.slack.com/archives/C1/p1|see it there>");
    // Another message (another question) is another ask.
    expect((await click({ messageTs: '1700000002.000100' })).posts).toHaveLength(1);
  });

  it('sends a question no page is close to the default owner channel', async () => {
    const { posts } = await click({ value: encodeValue({ q: 'how do I book annual leave', r: 'declined' }) });
    expect(posts[0]!.args.channel).toBe('C0DEVS');
    expect(allText(asMessage(posts[0]!.args))).toContain('A question for the GOV.UK developer manual');
  });

  it('tells the asker when the bot is not in the channel, and lets them try again once it is', async () => {
    const refused = await click({ failWith: { 'chat.postMessage': 'not_in_channel' } });
    expect(refused.reply.text).toContain("I can't post in #fixture-platform: I'm not a member of it");
    expect(refused.reply.text).toContain('/invite @techlead');
    const retried = await click();
    expect(retried.posts).toHaveLength(1);
    expect(retried.reply.text).toContain("I've posted your question");
  });

  it('tells the asker when the channel does not exist, or channels cannot be looked up', async () => {
    deps.defaultOwner = '#no-such-channel';
    const missing = await click({ value: encodeValue({ q: 'how do I book annual leave', r: 'declined' }) });
    expect(missing.posts).toHaveLength(0);
    expect(missing.reply.text).toContain("I can't find the channel #no-such-channel");

    deps = await listenerDeps();
    const broken = await click({ failWith: { 'conversations.list': 'missing_scope' } });
    expect(broken.reply.text).toContain("I couldn't post your question in #fixture-platform just now");
    expect(deps.logs.some((l) => l.level === 'error' && l.slackError === 'missing_scope')).toBe(true);
  });

  it('answers a click without a question, rather than posting nothing', async () => {
    const { reply, posts } = await click({ value: '{"r":"declined"}' });
    expect(posts).toHaveLength(0);
    expect(reply.text).toMatch(/couldn't tell which question/);
  });
});
