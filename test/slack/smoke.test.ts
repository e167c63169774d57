import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { FakeSlack } from '../support/fakeSlack.js';
import { commandBody, eventBody, postToSlackEndpoint } from '../support/signedRequest.js';
import { type RunningBot, SIGNING_SECRET, startBot } from '../support/startBot.js';

let slack: FakeSlack;
let bot: RunningBot;
beforeAll(async () => {
  slack = await new FakeSlack().start();
  bot = await startBot(slack.url);
});
afterAll(async () => {
  await bot.stop();
  await slack.stop();
});

it('answers /techlead leavers in the ack, visible in the channel', async () => {
  const res = await postToSlackEndpoint(bot.url, commandBody('leavers'), { secret: SIGNING_SECRET });
  expect(res.status).toBe(200);
  const body = res.json as { response_type: string; text: string; blocks: { type: string; text?: { text: string } }[] };
  expect(body.response_type).toBe('in_channel');
  expect(body.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Managing leavers', emoji: false } });
  expect(JSON.stringify(body.blocks)).toContain('<https://github.com/alphagov/govuk-user-reviewer|user reviewer>');
});

it('answers a mention in its thread', async () => {
  const res = await postToSlackEndpoint(bot.url, eventBody({ type: 'app_mention', user: 'U0000042', text: `<@${FakeSlack.BOT_USER_ID}> who writes the weeknote?`, ts: '1700000000.000100', channel: 'C0TECHLEAD', event_ts: '1700000000.000100' }), { secret: SIGNING_SECRET });
  expect(res.status).toBe(200);
  const [call] = await slack.waitFor('chat.postMessage');
  expect(call!.args.thread_ts).toBe('1700000000.000100');
  expect(JSON.stringify(call!.args.blocks)).toContain('weeknote');
});
