import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the GOV.UK developer manual is published; links to pages and sections are made from it. */
export const DEFAULT_BASE_URL = 'https://docs.publishing.service.gov.uk/manual';

/** The project's root: the nearest folder above this module with a package.json (src/, dist/ or build/ sit below it). */
function findProjectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export const PROJECT_ROOT = findProjectRoot();

/** The manual folder this package ships, which also holds the default synonyms. */
export const SHIPPED_MANUAL_DIR = path.join(PROJECT_ROOT, 'manual');

/**
 * Example questions for the whole GOV.UK manual, shipped with the bot: a deployment mounts an
 * upstream checkout of the manual read-only, which has none of its own.
 */
export const SHIPPED_GOVUK_EXAMPLES_DIR = path.join(PROJECT_ROOT, 'examples', 'govuk-manual');

/** Where the manual comes from. */
export interface ManualSource {
  dir: string;
  baseUrl: string;
  /** Explicit synonyms file; default: `synonyms.yml` in `dir`, else the shipped one. */
  synonymsFile?: string;
  /**
   * Folder of example question files (EXAMPLES_DIR), or false for none (EXAMPLES_DIR=off).
   * Unset: `example-questions/` in `dir` if there is one, else the shipped GOV.UK manual's set
   * when the manual is that one (see chooseExamples).
   */
  examplesDir?: string | false;
}

/** Where feedback, unanswered questions and counts are kept (see src/store/). */
export interface StoreConfig {
  /** The embedded store's folder (DATA_DIR); its file is created on first start. */
  dataDir: string;
  /** PostgreSQL, shared by replicas (DATABASE_URL); unset, the embedded store. Never logged. */
  databaseUrl?: string;
  /** Question text and feedback are deleted this many days after they were recorded. */
  retentionDays: number;
}

/** The channel asked when no page is close to a question (the manual's default owners). */
export const DEFAULT_OWNER_CHANNEL = '#govuk-developers';
export const DEFAULT_RETENTION_DAYS = 90;
const MAX_RETENTION_DAYS = 3650;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LOG_LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error'];

export interface AppConfig {
  botToken: string;
  signingSecret: string;
  /** Set: Socket Mode. Unset: HTTP mode on `port`. */
  appToken?: string;
  port: number;
  /** HTTP mode: the interface to listen on (HOST); unset, all of them. */
  host?: string;
  /** Base URL of the Slack Web API (a proxy, or a fake one in tests); default Slack's own. */
  slackApiUrl?: string;
  logLevel: LogLevel;
  /** Pretty logs for people (development) or JSON lines for machines (production). */
  logFormat: 'json' | 'pretty';
  /** Log the text of questions at info level. Off by default: questions can hold personal data. */
  logQuestions: boolean;
  /** Rebuild the index when files under the manual folder change. */
  watchManual: boolean;
  manual: ManualSource;
  store: StoreConfig;
  /** Where questions go when no page is close to them: `#name` or a channel id. */
  defaultOwnerChannel: string;
}

type Env = Record<string, string | undefined>;

function value(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

/** Where the manual comes from: MANUAL_DIR (default: the shipped manual/), MANUAL_BASE_URL, SYNONYMS_FILE, EXAMPLES_DIR. */
export function manualSourceFromEnv(env: Env, cwd = process.cwd()): ManualSource {
  const dir = value(env, 'MANUAL_DIR');
  const synonymsFile = value(env, 'SYNONYMS_FILE');
  const source: ManualSource = {
    dir: dir ? path.resolve(cwd, dir) : SHIPPED_MANUAL_DIR,
    baseUrl: value(env, 'MANUAL_BASE_URL') ?? DEFAULT_BASE_URL,
  };
  if (synonymsFile) source.synonymsFile = path.resolve(cwd, synonymsFile);
  const examplesDir = value(env, 'EXAMPLES_DIR');
  if (examplesDir) source.examplesDir = /^(off|none|false)$/i.test(examplesDir) ? false : path.resolve(cwd, examplesDir);
  return source;
}

/**
 * The record store's settings from DATA_DIR, DATABASE_URL and RETENTION_DAYS, or what is wrong
 * with them. A malformed DATABASE_URL is described, never quoted: it holds a password.
 */
export function storeConfigFromEnv(env: Env, cwd = process.cwd()): { config: StoreConfig } | { errors: string[] } {
  const errors: string[] = [];
  const databaseUrl = value(env, 'DATABASE_URL');
  const retentionText = value(env, 'RETENTION_DAYS');
  if (databaseUrl && !isPostgresUrl(databaseUrl)) {
    errors.push('DATABASE_URL should be a PostgreSQL URL, postgres://user:password@host:5432/database (or unset for the embedded store)');
  }
  const retentionDays = retentionText === undefined ? DEFAULT_RETENTION_DAYS : Number(retentionText);
  if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS) {
    errors.push(`RETENTION_DAYS should be a whole number of days from 1 to ${MAX_RETENTION_DAYS}, not "${retentionText}"`);
  }
  if (errors.length) return { errors };
  const config: StoreConfig = { dataDir: path.resolve(cwd, value(env, 'DATA_DIR') ?? 'data'), retentionDays };
  if (databaseUrl) config.databaseUrl = databaseUrl;
  return { config };
}

function isPostgresUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The password in a DATABASE_URL, for the logger to mask; undefined if it has none. */
export function databasePassword(databaseUrl: string | undefined): string | undefined {
  if (!databaseUrl) return undefined;
  try {
    const password = decodeURIComponent(new URL(databaseUrl).password);
    return password || undefined;
  } catch {
    return undefined;
  }
}

/** `#name` as Slack allows channel names (lower case, digits, - and _, up to 80), or a channel id. */
export function isChannelRef(text: string): boolean {
  return /^#[a-z0-9][a-z0-9_-]{0,79}$/.test(text) || /^[CG][A-Z0-9]{6,}$/.test(text);
}

function isUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function isBoolean(text: string | undefined): boolean {
  return text === undefined || /^(true|false|1|0|yes|no)$/i.test(text);
}

function bool(text: string | undefined, fallback: boolean): boolean {
  return text === undefined ? fallback : /^(true|1|yes)$/i.test(text);
}

/**
 * The app's configuration from the environment, or every problem with it at once, each naming
 * the variable, so an operator fixes them in one go instead of one per restart.
 */
export function appConfigFromEnv(env: Env, cwd = process.cwd()): { config: AppConfig } | { errors: string[] } {
  const errors: string[] = [];
  const botToken = value(env, 'SLACK_BOT_TOKEN');
  const signingSecret = value(env, 'SLACK_SIGNING_SECRET');
  const appToken = value(env, 'SLACK_APP_TOKEN');
  const portText = value(env, 'PORT');
  const apiUrl = value(env, 'SLACK_API_URL');
  const level = value(env, 'LOG_LEVEL')?.toLowerCase();
  const format = value(env, 'LOG_FORMAT')?.toLowerCase();
  const baseUrl = value(env, 'MANUAL_BASE_URL');

  if (!botToken) errors.push('SLACK_BOT_TOKEN is not set (the bot token, xoxb-...)');
  else if (!botToken.startsWith('xoxb-')) errors.push('SLACK_BOT_TOKEN should be a bot token starting with xoxb-');
  if (!signingSecret) errors.push('SLACK_SIGNING_SECRET is not set (Basic Information > App Credentials)');
  if (appToken && !appToken.startsWith('xapp-')) errors.push('SLACK_APP_TOKEN should be an app-level token starting with xapp- (or unset for HTTP mode)');
  const port = portText === undefined ? 3000 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) errors.push(`PORT should be a port number (0-65535), not "${portText}"`);
  if (apiUrl && !isUrl(apiUrl)) errors.push(`SLACK_API_URL should be an http(s) URL, not "${apiUrl}"`);
  if (baseUrl && !isUrl(baseUrl)) errors.push(`MANUAL_BASE_URL should be an http(s) URL, not "${baseUrl}"`);
  if (level && !LOG_LEVELS.includes(level as LogLevel)) errors.push(`LOG_LEVEL should be one of ${LOG_LEVELS.join(', ')}, not "${level}"`);
  if (format && format !== 'json' && format !== 'pretty') errors.push(`LOG_FORMAT should be json or pretty, not "${format}"`);
  for (const name of ['LOG_QUESTIONS', 'WATCH_MANUAL']) {
    if (!isBoolean(value(env, name))) errors.push(`${name} should be true or false, not "${value(env, name)}"`);
  }
  const defaultOwnerChannel = value(env, 'DEFAULT_OWNER_CHANNEL') ?? DEFAULT_OWNER_CHANNEL;
  if (!isChannelRef(defaultOwnerChannel)) {
    errors.push(`DEFAULT_OWNER_CHANNEL should be a channel name starting with # (e.g. ${DEFAULT_OWNER_CHANNEL}) or a channel id, not "${defaultOwnerChannel}"`);
  }
  const store = storeConfigFromEnv(env, cwd);
  if ('errors' in store) errors.push(...store.errors);
  if (errors.length || 'errors' in store) return { errors };

  const production = value(env, 'NODE_ENV') === 'production';
  const config: AppConfig = {
    botToken: botToken!,
    signingSecret: signingSecret!,
    port,
    logLevel: (level as LogLevel | undefined) ?? 'info',
    logFormat: (format as 'json' | 'pretty' | undefined) ?? (production ? 'json' : 'pretty'),
    logQuestions: bool(value(env, 'LOG_QUESTIONS'), false),
    watchManual: bool(value(env, 'WATCH_MANUAL'), true),
    manual: manualSourceFromEnv(env, cwd),
    store: store.config,
    defaultOwnerChannel,
  };
  if (appToken) config.appToken = appToken;
  const host = value(env, 'HOST');
  if (host) config.host = host;
  if (apiUrl) config.slackApiUrl = apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`;
  return { config };
}

/**
 * Where the container's health check finds the bot: the interface HOST names, or loopback when
 * the bot listens on all of them (HOST unset, 0.0.0.0 or ::).
 */
export function healthcheckUrl(env: Env): string {
  const port = value(env, 'PORT') ?? '3000';
  const host = value(env, 'HOST');
  const target = !host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${target}:${port}/healthz`;
}
