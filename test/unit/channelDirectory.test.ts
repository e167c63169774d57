import { describe, expect, it, jest } from '@jest/globals';
import { ChannelDirectory, type ConversationsClient } from '../../src/app/channelDirectory.js';
import { createLogger } from '../../src/logger.js';

type ListArgs = Parameters<ConversationsClient['conversations']['list']>[0];

function client(pages: { id: string; name: string }[][]) {
  const list = jest.fn(async (args: ListArgs) => {
    const i = args.cursor ? Number(args.cursor) : 0;
    return { channels: pages[i] ?? [], response_metadata: { next_cursor: i + 1 < pages.length ? String(i + 1) : '' } };
  });
  return { conversations: { list }, list };
}

const logs: Record<string, unknown>[] = [];
const logger = createLogger({ level: 'debug', format: 'json', write: (l) => logs.push(JSON.parse(l) as Record<string, unknown>) });

describe('owner channels by name', () => {
  it('walks every page of conversations.list once, and answers later look-ups from its cache', async () => {
    let now = 0;
    const dir = new ChannelDirectory(logger, () => now);
    const c = client([[{ id: 'C1', name: 'govuk-developers' }], [{ id: 'C2', name: 'govuk-tech-leads' }]]);
    const [a, b] = await Promise.all([dir.idOf(c, '#govuk-developers'), dir.idOf(c, '#GOVUK-Tech-Leads')]);
    expect([a, b]).toEqual(['C1', 'C2']);
    expect(c.list).toHaveBeenCalledTimes(2);
    expect(c.list.mock.calls[0]![0]).toMatchObject({ types: 'public_channel,private_channel', exclude_archived: true });
    now += 30_000;
    expect(await dir.idOf(c, '#govuk-developers')).toBe('C1');
    expect(c.list).toHaveBeenCalledTimes(2);
  });

  it('looks again for a name it does not know, at most once a minute, and for all after ten minutes', async () => {
    let now = 0;
    const dir = new ChannelDirectory(logger, () => now);
    const pages = [[{ id: 'C1', name: 'govuk-developers' }]];
    const c = client(pages);
    expect(await dir.idOf(c, '#new-team')).toBeUndefined();
    now += 10_000;
    expect(await dir.idOf(c, '#new-team')).toBeUndefined();
    expect(c.list).toHaveBeenCalledTimes(1);
    pages[0]!.push({ id: 'C9', name: 'new-team' });
    now += 60_000;
    expect(await dir.idOf(c, '#new-team')).toBe('C9');
    expect(c.list).toHaveBeenCalledTimes(2);
  });

  it('passes a channel id through untouched', async () => {
    const c = client([]);
    expect(await new ChannelDirectory(logger).idOf(c, 'C0123ABCD')).toBe('C0123ABCD');
    expect(c.list).not.toHaveBeenCalled();
  });

  it('keeps using what it knew when Slack cannot be asked, and fails when it knew nothing', async () => {
    let now = 0;
    const dir = new ChannelDirectory(logger, () => now);
    const c = client([[{ id: 'C1', name: 'govuk-developers' }]]);
    await dir.idOf(c, '#govuk-developers');
    now += 11 * 60_000;
    c.list.mockRejectedValueOnce(Object.assign(new Error('An API error occurred: ratelimited'), { data: { error: 'ratelimited' } }));
    expect(await dir.idOf(c, '#govuk-developers')).toBe('C1');
    expect(logs.some((l) => l.msg === 'cannot list channels; using the names known from before' && l.slackError === 'ratelimited')).toBe(true);

    const fresh = new ChannelDirectory(logger);
    const broken = client([]);
    broken.list.mockRejectedValue(Object.assign(new Error('An API error occurred: missing_scope'), { data: { error: 'missing_scope' } }));
    await expect(fresh.idOf(broken, '#govuk-developers')).rejects.toThrow('missing_scope');
  });
});
