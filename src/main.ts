import 'dotenv/config';
import type { Server } from 'node:http';
import { ManualStore } from './load/manualStore.js';
import { createApp } from './app/createApp.js';
import { slackErrorOf } from './app/slackErrors.js';
import { appConfigFromEnv, databasePassword } from './config.js';
import { createLogger } from './logger.js';
import { prerenderManual } from './slack/messages.js';

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
    // DATABASE_URL is never logged; its password is masked anyway, should a library echo it.
    secrets: [config.botToken, config.signingSecret, config.appToken ?? '', databasePassword(config.store.databaseUrl) ?? '', config.store.databaseUrl ?? ''],
  });

  // Handlers first: a SIGTERM while the manual loads (seconds, for the whole GOV.UK manual) stops
  // the bot at once, rather than being ignored by Node as PID 1 until `docker stop` gives up.
  let stop: ((signal: string) => void) | undefined;
  const onSignal = (signal: string) => {
    if (stop) return stop(signal);
    logger.log('info', 'stopped before starting', { signal });
    process.exit(0);
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
  // A promise nobody handled (in a library, say) is logged, and the bot keeps answering; an
  // exception nobody caught may have left state half-changed, so it is logged and the bot exits
  // for its supervisor to restart it.
  process.on('unhandledRejection', (reason) => logger.log('error', 'unhandled promise rejection', { err: reason }));
  process.on('uncaughtException', (err) => {
    logger.log('error', 'uncaught exception; exiting', { err });
    process.exit(1);
  });

  logger.log('info', 'loading the manual', { dir: config.manual.dir });
  const store = new ManualStore(config.manual, logger, prerenderManual);
  try {
    await store.load();
  } catch (err) {
    logger.log('error', 'cannot load the manual', { err: (err as Error).message, dir: config.manual.dir });
    process.exit(1);
  }
  if (config.watchManual) store.watch();

  const { app, mode, socket, deps } = createApp(config, store, logger);
  // Connects and migrates in the background: an unavailable store never stops the bot answering.
  deps.records.start();
  let server: Server | undefined;
  if (mode === 'http') {
    server = (await app.start({ port: config.port, host: config.host })) as Server;
    const address = server.address();
    logger.log('info', 'listening', { mode, port: typeof address === 'object' && address ? address.port : config.port });
  } else {
    try {
      // Retries until connected; fails only if Slack refuses the app token.
      await socket!.connect();
    } catch (err) {
      const { slackError, error } = slackErrorOf(err);
      logger.log('error', 'cannot connect to Slack: it refused the app token (SLACK_APP_TOKEN)', { slackError, error });
      process.exit(1);
    }
    logger.log('info', 'connected', { mode });
  }

  let stopping = false;
  stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log('info', 'shutting down', { signal, inFlight: deps.inFlight.size });
    // Exit even if a request or a Slack call hangs; unref so a clean stop exits sooner.
    setTimeout(() => {
      logger.log('warn', 'shutdown took too long; exiting', { inFlight: deps.inFlight.size });
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    socket?.stop();
    // Stops accepting, lets requests in flight finish, closes idle keep-alive connections. A
    // connection busy right now would stay open for Node's keep-alive timeout (5 s) after its
    // response, outlasting the grace period: close each one as soon as it goes idle.
    server?.closeIdleConnections();
    setInterval(() => server?.closeIdleConnections(), 50).unref();
    // Stop receiving (HTTP: new connections; Socket Mode: the connection, whose acks are all sent
    // before any answer is posted) and, meanwhile, finish the answers to mentions, DMs and
    // buttons already acked: Slack will not send those again.
    Promise.all([app.stop(), deps.inFlight.idle()])
      .then(() => Promise.all([store.close(), deps.records.close()]))
      .then(() => {
        logger.log('info', 'stopped');
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.log('error', 'error while stopping', { err });
        process.exit(1);
      });
  };
}

await main();
