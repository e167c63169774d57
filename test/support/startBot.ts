import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ManualStore } from '../../src/answer/manualStore.js';
import { createApp, type BuiltApp } from '../../src/app/createApp.js';
import { appConfigFromEnv, type AppConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { prerender } from '../../src/slack/blocks.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-test-0000-token';

export interface RunningBot extends BuiltApp {
  url: string;
  store: ManualStore;
  logs: Record<string, unknown>[];
  stop(): Promise<void>;
}

/** The real app in HTTP mode on a random loopback port, talking to `slackApiUrl`. */
export async function startBot(slackApiUrl: string, env: Record<string, string> = {}): Promise<RunningBot> {
  const parsed = appConfigFromEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slackApiUrl, PORT: '0', LOG_LEVEL: 'debug', ...env });
  if ('errors' in parsed) throw new Error(parsed.errors.join('; '));
  const config: AppConfig = parsed.config;
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'debug', format: 'json', secrets: [BOT_TOKEN, SIGNING_SECRET], write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) });
  const store = new ManualStore(config.manual, logger, (m) => prerender(m.sections, m.pageCount > 1));
  await store.load();
  const built = createApp(config, store, logger);
  const server = (await built.app.start({ port: 0, host: '127.0.0.1' })) as Server;
  const { port } = server.address() as AddressInfo;
  return {
    ...built,
    store,
    logs,
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await built.app.stop();
      await store.close();
    },
  };
}
