import { describe, expect, it } from 'vitest';
import { diffLines } from './diff.ts';

describe('diffLines (版本比较)', () => {
  it('marks a changed paragraph as removed and added, keeps the rest', () => {
    const a = '第一条 为规范……\n第二条 申请人应当提交材料。\n第三条 本办法自公布之日起施行。';
    const b = '第一条 为规范……\n第二条 申请人应当提交身份证明和收入证明。\n第三条 本办法自公布之日起施行。\n第四条 新增条款。';
    expect(diffLines(a, b)).toEqual([
      { op: 'same', text: '第一条 为规范……' },
      { op: 'del', text: '第二条 申请人应当提交材料。' },
      { op: 'add', text: '第二条 申请人应当提交身份证明和收入证明。' },
      { op: 'same', text: '第三条 本办法自公布之日起施行。' },
      { op: 'add', text: '第四条 新增条款。' },
    ]);
  });

  it('ignores blank lines and trailing spaces; identical texts give no change', () => {
    const d = diffLines('甲\n\n乙  ', '甲\n乙\n');
    expect(d.every((x) => x.op === 'same')).toBe(true);
    expect(d).toHaveLength(2);
  });

  it('a removed first paragraph and an empty side', () => {
    expect(diffLines('甲\n乙', '乙')).toEqual([
      { op: 'del', text: '甲' },
      { op: 'same', text: '乙' },
    ]);
    expect(diffLines('', '甲')).toEqual([{ op: 'add', text: '甲' }]);
  });
});
