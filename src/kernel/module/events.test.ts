import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../platform/context.ts';
import { defineModuleEvent } from './events.ts';

const tx = {} as AppContext;

describe('defineModuleEvent', () => {
  it('runs every listener in order with the caller’s transaction; off removes one; a throw refuses the act', async () => {
    const e = defineModuleEvent<{ n: number }>();
    const heard: string[] = [];
    const offA = e.on(async (t, ev) => void heard.push(`a${ev.n}${t === tx ? '' : '!'}`));
    e.on(async (_t, ev) => void heard.push(`b${ev.n}`));
    await e.emit(tx, { n: 1 });
    offA();
    await e.emit(tx, { n: 2 });
    expect(heard).toEqual(['a1', 'b1', 'b2']);
    e.on(async () => {
      throw new Error('refused');
    });
    await expect(e.emit(tx, { n: 3 })).rejects.toThrow('refused');
  });

  it('events are separate: a listener hears only its own event', async () => {
    const one = defineModuleEvent<string>();
    const two = defineModuleEvent<string>();
    const heard: string[] = [];
    one.on(async (_t, s) => void heard.push(s));
    await two.emit(tx, 'other');
    await one.emit(tx, 'mine');
    expect(heard).toEqual(['mine']);
  });
});
