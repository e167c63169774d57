import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { appConfigFromEnv, databasePassword, storeConfigFromEnv } from '../../src/config.js';

const SLACK = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };

describe('the record store’s configuration', () => {
  it('defaults to the embedded store in ./data, 90 days, and #govuk-developers', () => {
    const parsed = appConfigFromEnv(SLACK, '/srv/bot');
    if ('errors' in parsed) throw new Error(parsed.errors.join('; '));
    expect(parsed.config.store).toEqual({ dataDir: '/srv/bot/data', retentionDays: 90 });
    expect(parsed.config.defaultOwnerChannel).toBe('#govuk-developers');
  });

  it('reads DATA_DIR (relative to the working folder), DATABASE_URL, RETENTION_DAYS and DEFAULT_OWNER_CHANNEL', () => {
    const parsed = appConfigFromEnv({ ...SLACK, DATA_DIR: 'var/records', DATABASE_URL: 'postgres://bot:pw@db.internal:5432/techlead', RETENTION_DAYS: '30', DEFAULT_OWNER_CHANNEL: '#govuk-tech-leads' }, '/srv/bot');
    if ('errors' in parsed) throw new Error(parsed.errors.join('; '));
    expect(parsed.config.store).toEqual({ dataDir: path.resolve('/srv/bot', 'var/records'), databaseUrl: 'postgres://bot:pw@db.internal:5432/techlead', retentionDays: 30 });
    expect(parsed.config.defaultOwnerChannel).toBe('#govuk-tech-leads');
    expect(appConfigFromEnv({ ...SLACK, DEFAULT_OWNER_CHANNEL: 'C0123ABCD' }, '/')).toHaveProperty('config.defaultOwnerChannel', 'C0123ABCD');
  });

  it('names every problem at once, and never prints DATABASE_URL, which holds a password', () => {
    const parsed = appConfigFromEnv({ ...SLACK, DATABASE_URL: 'mysql://bot:hunter2-secret@db/x', RETENTION_DAYS: '0', DEFAULT_OWNER_CHANNEL: 'govuk developers' });
    expect('errors' in parsed && parsed.errors).toEqual([
      'DEFAULT_OWNER_CHANNEL should be a channel name starting with # (e.g. #govuk-developers) or a channel id, not "govuk developers"',
      'DATABASE_URL should be a PostgreSQL URL, postgres://user:password@host:5432/database (or unset for the embedded store)',
      'RETENTION_DAYS should be a whole number of days from 1 to 3650, not "0"',
    ]);
    expect(JSON.stringify(parsed)).not.toContain('hunter2');
    for (const bad of ['1.5', 'ninety', '3651', '-1']) expect(storeConfigFromEnv({ RETENTION_DAYS: bad })).toHaveProperty('errors');
    for (const bad of ['postgres://', 'not a url', 'postgres:///nohost']) expect(storeConfigFromEnv({ DATABASE_URL: bad })).toHaveProperty('errors');
    expect(storeConfigFromEnv({ DATABASE_URL: 'postgresql://localhost/techlead' })).toHaveProperty('config.databaseUrl');
  });

  it('finds the password in DATABASE_URL, for the logger to mask', () => {
    expect(databasePassword('postgres://bot:p%40ss%2Fword@db/x')).toBe('p@ss/word');
    expect(databasePassword('postgres://bot@db/x')).toBeUndefined();
    expect(databasePassword(undefined)).toBeUndefined();
  });
});
