import { describe, expect, it } from 'vitest';
import { createJobRegistry, registerJobHandler, registerQueue } from './registry.ts';

describe('job registry', () => {
  it('declares queues with and without handlers, merging options', () => {
    const reg = createJobRegistry();
    const h = async () => {};
    registerQueue('deadline.remind', { retryLimit: 1 }, reg);
    registerJobHandler('deadline.remind', h, { expireInSeconds: 60 }, reg);
    expect(reg.get('deadline.remind')).toEqual({ name: 'deadline.remind', handler: h, options: { retryLimit: 1, expireInSeconds: 60 } });
  });

  it('accepts the same handler twice but refuses a second one', () => {
    const reg = createJobRegistry();
    const h = async () => {};
    registerJobHandler('a.b', h, {}, reg);
    registerJobHandler('a.b', h, {}, reg);
    expect(() => registerJobHandler('a.b', async () => {}, {}, reg)).toThrow(/already has a handler/);
  });

  it('refuses names pg-boss or our conventions would not accept', () => {
    const reg = createJobRegistry();
    for (const bad of ['', 'Deadline', 'a b', 'a..b', '.a', 'a/b', '期限']) {
      expect(() => registerQueue(bad, {}, reg), bad).toThrow(/invalid job queue name/);
    }
  });
});
