import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_BASE_URL } from '../../src/config.js';
import { loadManualIndex, type ManualIndex } from '../../src/load/loadManualIndex.js';
import { search } from '../../src/search/rank.js';
import { page, tempManual } from '../support/tempManual.js';

const fixture = tempManual({
  'sentry.html.md': page('Sentry', 'We use Sentry for errors.\n\n## Access to Sentry\n\nAsk in the channel.\n\n## Sentry alerts\n\nAlerts go to Slack.\n'),
  'deploy.html.md': page('Deploying', 'How deploys work.\n\n## Deploy freezes\n\nNo Friday deploys. Ask the platform team about the freeze calendar.\n\n## Roll back\n\nUse the release tool.\n'),
  'team.html.md': page('The team', 'Who we are.\n\n## Rota\n\nThe platform team keeps a rota.\n'),
});
let manual: ManualIndex;
beforeAll(async () => {
  manual = await loadManualIndex({ dir: fixture.dir, baseUrl: DEFAULT_BASE_URL });
});
afterAll(() => fixture.remove());

const pointed = (q: string) => {
  const k = search(manual.search, q, 5).keywords;
  return k && { kind: k.kind, headings: k.sections.map((s) => s.heading) };
};

describe('keyword queries', () => {
  it('point first at a heading that is just those words (a page title, for an intro)', () => {
    expect(pointed('sentry')).toEqual({ kind: 'heading', headings: ['Sentry'] });
    expect(pointed('deploy freezes')).toEqual({ kind: 'heading', headings: ['Deploy freezes'] });
  });

  it('then at headings that have every word', () => {
    expect(pointed('sentry alerts')?.headings).toEqual(['Sentry alerts']);
    expect(pointed('freezes')).toEqual({ kind: 'in heading', headings: ['Deploy freezes'] });
  });

  it('then at the few sections whose text has every word (key terms), not at words everywhere', () => {
    expect(pointed('calendar')).toEqual({ kind: 'key terms', headings: ['Deploy freezes'] });
    expect(pointed('platform team')?.kind).toBe('key terms');
    expect(pointed('platform team')?.headings.sort()).toEqual(['Deploy freezes', 'Rota']);
  });

  it('are one to three words, each one the manual uses', () => {
    expect(pointed('how do I see sentry alerts')).toBeUndefined();
    expect(pointed('sentry zzqx')).toBeUndefined();
    expect(pointed('')).toBeUndefined();
  });
});
