import bolt from '@slack/bolt';
import { ChannelDirectory } from '../app/channelDirectory.js';
import { slackErrorOf } from '../app/slackErrors.js';
import { storeConfigFromEnv } from '../config.js';
import { createLogger } from '../logger.js';
import { gapsJson, gapsText, groupGaps } from '../report/gapsReport.js';
import { parseSince, SINCE_HELP } from '../report/since.js';
import { statsJson, statsText } from '../report/statsReport.js';
import { gapsMessage } from '../slack/gapsMessage.js';
import { openRecordStore } from '../store/openStore.js';
import { storeErrorOf } from '../store/outageLog.js';
import type { GapSummary, RecordStore } from '../store/recordStore.js';
import type { CliIo } from './cli.js';

const { WebClient } = bolt.webApi;

export const RECORD_USAGE = `  techlead gaps [--since 7d] [--json] [--post]   questions the manual did not answer, or answered unhelpfully,
                                                 by page and owner channel (--post: send each owner channel its part)
  techlead stats [--since 30d] [--json]         questions per day; answer rate and helpful rate per page`;

interface RecordOptions {
  since: Date;
  json: boolean;
  post: boolean;
}

function parseRecordArgs(command: 'gaps' | 'stats', args: string[], now: Date): RecordOptions | string {
  const options: RecordOptions = { since: parseSince(command === 'gaps' ? '7d' : '30d', now)!, json: false, post: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--post' && command === 'gaps') options.post = true;
    else if (arg === '--since' || arg.startsWith('--since=')) {
      const text = arg.includes('=') ? arg.slice('--since='.length) : args[++i];
      const since = text === undefined ? undefined : parseSince(text, now);
      if (!since) return `--since takes ${SINCE_HELP}, not "${text ?? ''}"`;
      options.since = since;
    } else return `unknown argument to ${command}: ${arg}`;
  }
  return options;
}

/**
 * `techlead gaps` and `techlead stats`: read the record store the bot writes (the same DATA_DIR
 * or DATABASE_URL), without loading the manual. Returns the exit code.
 */
export async function runRecordCommand(command: 'gaps' | 'stats', args: string[], io: CliIo): Promise<number> {
  const write = (text: string) => io.stdout.write(`${text}\n`);
  const warn = (text: string) => io.stderr.write(`${text}\n`);
  const now = io.now?.() ?? new Date();
  const options = parseRecordArgs(command, args, now);
  if (typeof options === 'string') {
    warn(`techlead: ${options}\n\nUsage:\n${RECORD_USAGE}`);
    return 2;
  }
  const parsed = storeConfigFromEnv(io.env);
  if ('errors' in parsed) {
    for (const e of parsed.errors) warn(`techlead: ${e}`);
    return 2;
  }
  if (options.post && !io.env.SLACK_BOT_TOKEN?.trim()) {
    warn('techlead: --post needs SLACK_BOT_TOKEN (the bot token, xoxb-...) to post to the owner channels');
    return 2;
  }

  const store = openRecordStore(parsed.config, { mustExist: true });
  try {
    try {
      await store.migrate();
    } catch (err) {
      if (store.backend === 'sqlite' && (err as { code?: string }).code === 'ENOENT') {
        warn(`techlead: no records yet: ${store.location} does not exist. The bot creates it when it starts; set DATA_DIR to where the bot keeps it (or DATABASE_URL).`);
      } else {
        warn(`techlead: cannot open the record store (${store.location}): ${storeErrorOf(err).error}`);
      }
      return 1;
    }
    if (command === 'stats') {
      const stats = await store.stats(options.since);
      write(options.json ? JSON.stringify(statsJson(options.since, stats)) : statsText(options.since, stats));
      return 0;
    }
    const gaps = await store.gaps(options.since);
    write(options.json ? JSON.stringify(gapsJson(options.since, gaps)) : gapsText(options.since, gaps));
    return options.post ? await postToOwners(gaps, options.since, io) : 0;
  } catch (err) {
    warn(`techlead: cannot read the record store (${store.location}): ${storeErrorOf(err).error}`);
    return 1;
  } finally {
    await closeQuietly(store);
  }
}

async function closeQuietly(store: RecordStore): Promise<void> {
  try {
    await store.close();
  } catch {
    // Nothing to do about it on the way out.
  }
}

/** Sends each owner channel its part of the report; 1 if any could not be sent. */
async function postToOwners(gaps: GapSummary[], since: Date, io: CliIo): Promise<number> {
  const say = (text: string) => io.stderr.write(`${text}\n`);
  if (!gaps.length) {
    say('techlead: nothing to post');
    return 0;
  }
  const apiUrl = io.env.SLACK_API_URL?.trim();
  const client = new WebClient(io.env.SLACK_BOT_TOKEN!.trim(), {
    ...(apiUrl ? { slackApiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/` } : {}),
    retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5000 },
    logger: createLogger({ level: 'error', format: 'json', write: () => {} }),
  });
  const channels = new ChannelDirectory(createLogger({ level: 'error', write: () => {} }));
  const byOwner = new Map<string, ReturnType<typeof groupGaps>>();
  for (const group of groupGaps(gaps)) byOwner.set(group.owner, [...(byOwner.get(group.owner) ?? []), group]);
  let failed = 0;
  for (const [owner, groups] of byOwner) {
    const questions = groups.reduce((n, g) => n + g.questions.length, 0);
    try {
      const id = await channels.idOf(client, owner);
      if (!id) {
        failed++;
        say(`techlead: no channel ${owner} (renamed or archived?), or the bot cannot see it; not posted`);
        continue;
      }
      await client.chat.postMessage({ channel: id, unfurl_links: false, ...gapsMessage(owner, since, groups) });
      say(`techlead: posted ${questions} question${questions === 1 ? '' : 's'} to ${owner}`);
    } catch (err) {
      failed++;
      const { slackError, error } = slackErrorOf(err);
      const hint = slackError === 'not_in_channel' ? ' (invite the bot: /invite @techlead)' : '';
      say(`techlead: could not post to ${owner}: ${slackError ?? error}${hint}`);
    }
  }
  return failed ? 1 : 0;
}
