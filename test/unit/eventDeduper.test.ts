import { describe, expect, it } from '@jest/globals';
import { EventDeduper } from '../../src/app/eventDeduper.js';

describe('EventDeduper', () => {
  it('lets an event id through once', () => {
    const d = new EventDeduper();
    expect(d.firstTime('Ev1')).toBe(true);
    expect(d.firstTime('Ev1')).toBe(false);
    expect(d.firstTime('Ev2')).toBe(true);
  });

  it('lets events without an id through', () => {
    const d = new EventDeduper();
    expect(d.firstTime(undefined)).toBe(true);
    expect(d.firstTime(undefined)).toBe(true);
  });

  it('stays within its size, forgetting the oldest ids first', () => {
    const d = new EventDeduper(100);
    for (let i = 0; i < 1000; i++) d.firstTime(`Ev${i}`);
    expect(d.size).toBe(100);
    expect(d.firstTime('Ev999')).toBe(false);
    expect(d.firstTime('Ev0')).toBe(true);
  });

  it('forgets ids older than its time to live', () => {
    let now = 0;
    const d = new EventDeduper(100, 1000, () => now);
    d.firstTime('Ev1');
    now = 999;
    expect(d.firstTime('Ev1')).toBe(false);
    now = 2000;
    expect(d.firstTime('Ev1')).toBe(true);
  });
});
