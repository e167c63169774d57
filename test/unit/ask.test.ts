import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ask } from '../../src/app/ask.js';
import type { BotDeps } from '../../src/app/context.js';
import { listenerDeps } from '../support/listenerDeps.js';

let deps: BotDeps;
beforeAll(async () => {
  deps = await listenerDeps();
});

describe('ask: what is recorded', () => {
  it('keeps the text of a question it could not answer, for the gaps report', () => {
    const gap = jest.spyOn(deps.records, 'gap');
    ask(deps, 'command', 'zzqx qqzz');
    expect(gap).toHaveBeenCalledWith(expect.objectContaining({ question: 'zzqx qqzz', reason: 'declined' }));
    gap.mockRestore();
  });

  it('keeps no text of a message someone else wrote (the shortcut), only its count', () => {
    const gap = jest.spyOn(deps.records, 'gap');
    const count = jest.spyOn(deps.records, 'count');
    ask(deps, 'shortcut', 'zzqx qqzz');
    expect(gap).not.toHaveBeenCalled();
    expect(count).toHaveBeenCalledWith('none', undefined);
    gap.mockRestore();
    count.mockRestore();
  });
});
