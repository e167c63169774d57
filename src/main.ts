import 'dotenv/config';
import type { Server } from 'node:http';
import { ManualStore } from './answer/manualStore.js';
import { createApp } from './app/createApp.js';
import { appConfigFromEnv } from './config.js';
import { createLogger } from './logger.js';
import { prerender } from './slack/blocks.js';

/** How long shutdown may wait for requests in flight before it exits anyway. */
const SHUTDOWN_GRACE_MS = 5000;

async function main(): Promise<void> {
  const parsed = appConfigFromEnv(process.env);
  if ('errors' in parsed) {
    process.stderr.write(
      `techlead: cannot start, the configuration is incomplete:\n${parsed.errors.map((e) => `  - ${e}`).join('\n')}\n` +
        'See .env.example for every variable and what it is for.\n',
    );
    process.exit(1);
  }
  const { config } = parsed;
  const logger = createLogger({
    level: config.logLevel,
    format: config.logFormat,
    secrets: [config.botToken, config.signingSecret, config.appToken ?? ''],
  });

  const store = new ManualStore(config.manual, logger, (manual) => prerender(manual.sections, manual.pageCount > 1));
  try {
    await store.load();
  } catch (err) {
    logger.log('error', 'cannot load the manual', { err: (err as Error).message, dir: config.manual.dir });
    process.exit(1);
  }
  if (config.watchManual) store.watch();

  const { app, mode } = createApp(config, store, logger);
  let server: Server | undefined;
  if (mode === 'http') {
    server = (await app.start({ port: config.port, host: process.env.HOST || undefined })) as Server;
    const address = server.address();
    logger.log('info', 'listening', { mode, port: typeof address === 'object' && address ? address.port : config.port });
  } else {
    await app.start();
    logger.log('info', 'connected', { mode });
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log('info', 'shutting down', { signal });
    // Exit even if a request or a Slack call hangs; unref so a clean stop exits sooner.
    setTimeout(() => {
      logger.log('warn', 'shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    // Stops accepting, lets requests in flight finish, closes idle keep-alive connections. A
    // connection busy right now would stay open for Node's keep-alive timeout (5 s) after its
    // response, outlasting the grace period: close each one as soon as it goes idle.
    server?.closeIdleConnections();
    setInterval(() => server?.closeIdleConnections(), 50).unref();
    Promise.all([app.stop(), store.close()])
      .then(() => {
        logger.log('info', 'stopped');
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.log('error', 'error while stopping', { err });
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

await main();
