import { describe, expect, it } from 'vitest';
import { fullWidth } from './full-width.ts';

describe('fullWidth', () => {
  it('turns a pair of parentheses as one, whichever end touches Chinese', () => {
    expect(fullWidth('(DB-640422-2026-000008)号申请')).toBe('（DB-640422-2026-000008）号申请');
    expect(fullWidth('申请(DB-1)')).toBe('申请（DB-1）');
    expect(fullWidth('see (page 3) here')).toBe('see (page 3) here');
  });

  it('looks past a ${…} placeholder for the neighbours and leaves the placeholder as written', () => {
    expect(fullWidth('编号:${ref}(${n})')).toBe('编号：${ref}（${n}）');
    expect(fullWidth('金额(${yuan(c, 2)})元')).toBe('金额（${yuan(c, 2)}）元');
    expect(fullWidth('办结率{{petitions.on_time_rate}}(含结转),详见附件')).toBe('办结率{{petitions.on_time_rate}}（含结转），详见附件');
    expect(fullWidth('${a}, ${b}: ok')).toBe('${a}, ${b}: ok');
  });
});
