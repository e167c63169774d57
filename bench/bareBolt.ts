/**
 * The baseline for `npm run bench:load`: a Bolt app with the default HTTPReceiver and nothing but
 * an empty slash-command handler. Whatever it costs to verify a signature, parse a form body and
 * run Bolt's middleware is in here too, so the bot's throughput divided by this one's is what the
 * bot's own work (searching and rendering an answer) costs on top of Bolt.
 *
 * Configured like the bot: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL, PORT, HOST.
 * Started by bench/load.ts as a child process (build/bench/bareBolt.js); stops on SIGTERM.
 */
import bolt from '@slack/bolt';

const { App } = bolt;

function required(name: string): string {
  const v = process.env[name];
  if (!v) {
    process.stderr.write(`bareBolt: ${name} is not set\n`);
    process.exit(1);
  }
  return v;
}

const port = Number(required('PORT'));
const host = process.env.HOST || '127.0.0.1';
const slackApiUrl = process.env.SLACK_API_URL;

const app = new App({
  token: required('SLACK_BOT_TOKEN'),
  signingSecret: required('SLACK_SIGNING_SECRET'),
  ...(slackApiUrl ? { clientOptions: { slackApiUrl } } : {}),
});

app.command(/.*/, async ({ ack }) => {
  await ack();
});

await app.start({ port, host });

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  // Never hang the bench: exit after a second whatever app.stop() does.
  setTimeout(() => process.exit(0), 1000).unref();
  app.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
