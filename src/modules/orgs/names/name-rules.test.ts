import { describe, expect, it } from 'vitest';
import { checkName, nameKey, shortAreaName } from './name-rules.ts';

const REGION = { names: ['宁夏回族自治区'] };
const YINCHUAN = { names: ['宁夏回族自治区', '银川市'] };
const XINGQING = { names: ['宁夏回族自治区', '银川市', '兴庆区'] };
const PINGLUO = { names: ['宁夏回族自治区', '石嘴山市', '平罗县'] };
const rules = (r: ReturnType<typeof checkName>) => r.problems.map((p) => p.rule);

describe('名称审核', () => {
  it('accepts well-formed names of the three kinds at every level', () => {
    expect(checkName({ name: '宁夏回族自治区书法家协会', kind: 'social_group', authority: REGION, existing: [] }).ok).toBe(true);
    expect(checkName({ name: '宁夏慈善总会', kind: 'social_group', authority: REGION, existing: [] }).ok).toBe(true);
    expect(checkName({ name: '银川市金凤区阳光社会工作服务中心', kind: 'social_service', authority: XINGQING, existing: [] }).problems).toEqual([
      expect.objectContaining({ rule: 'prefix' }),
    ]);
    expect(checkName({ name: '银川市兴庆区阳光社会工作服务中心', kind: 'social_service', authority: XINGQING, existing: [] }).ok).toBe(true);
    expect(checkName({ name: '兴庆区阳光社会工作服务中心', kind: 'social_service', authority: XINGQING, existing: [] }).ok).toBe(true);
    expect(checkName({ name: '平罗县教育发展基金会', kind: 'foundation', authority: PINGLUO, existing: [] }).ok).toBe(true);
    const ok = checkName({ name: '银川市摄影家协会', kind: 'social_group', authority: YINCHUAN, existing: [] });
    expect(ok.explanation).toContain('符合名称规则');
  });

  it('refuses a name without the kind suffix, with the basis', () => {
    const r = checkName({ name: '宁夏回族自治区书法爱好者', kind: 'social_group', authority: REGION, existing: [] });
    expect(rules(r)).toEqual(['suffix']);
    expect(r.problems[0]!.basis).toContain('《社会团体登记管理条例》第十条第二款');
    const f = checkName({ name: '平罗县教育发展协会', kind: 'foundation', authority: PINGLUO, existing: [] });
    expect(f.problems[0]!.message).toContain('基金会');
    expect(rules(checkName({ name: '平罗县教育发展基金会', kind: 'social_group', authority: PINGLUO, existing: [] }))).toEqual(['suffix']);
  });

  it('requires the authority area as prefix (full or short form)', () => {
    expect(rules(checkName({ name: '书法家协会', kind: 'social_group', authority: REGION, existing: [] }))).toEqual(['prefix']);
    expect(rules(checkName({ name: '银川市书法家协会', kind: 'social_group', authority: PINGLUO, existing: [] }))).toEqual(['prefix']);
    expect(checkName({ name: '平罗书法家协会', kind: 'social_group', authority: PINGLUO, existing: [] }).ok).toBe(true);
    expect(checkName({ name: '银川市书法家协会', kind: 'social_group', authority: REGION, existing: [] }).problems[0]!.message).toContain(
      '“宁夏回族自治区”或“宁夏”',
    );
  });

  it('refuses the national words for a local organization', () => {
    const r = checkName({ name: '宁夏中华文化促进会', kind: 'social_group', authority: REGION, existing: [] });
    expect(rules(r)).toEqual(['banned']);
    expect(r.problems[0]!.message).toContain('“中华”');
    expect(r.problems[0]!.basis).toContain('《民办非企业单位登记管理暂行条例》第八条第二款');
    expect(rules(checkName({ name: '银川市国际象棋协会', kind: 'social_group', authority: YINCHUAN, existing: [] }))).toEqual(['banned']);
  });

  it('finds duplicates and near-duplicates within the authority', () => {
    const existing = [
      { id: 'a', name: '银川市书法家协会' },
      { id: 'b', name: '银川市足球协会' },
    ];
    const dup = checkName({ name: '银川市书法家协会', kind: 'social_group', authority: YINCHUAN, existing });
    expect(dup.problems).toEqual([expect.objectContaining({ rule: 'duplicate', conflictId: 'a' })]);
    const near = checkName({ name: '银川书法研究会', kind: 'social_group', authority: YINCHUAN, existing });
    expect(near.problems).toEqual([expect.objectContaining({ rule: 'near_duplicate', conflictId: 'a' })]);
    expect(near.explanation).toContain('“书法”');
    expect(checkName({ name: '银川市篮球协会', kind: 'social_group', authority: YINCHUAN, existing }).ok).toBe(true);
    // a rename keeps its own name out of the comparison
    expect(checkName({ name: '银川市书法家协会', kind: 'social_group', authority: YINCHUAN, existing, excludeId: 'a' }).ok).toBe(true);
  });

  it('refuses odd characters and lengths', () => {
    expect(rules(checkName({ name: '银川市ABC协会', kind: 'social_group', authority: YINCHUAN, existing: [] }))).toEqual(['chars']);
    expect(checkName({ name: '宁夏\u0028银川\u0029养老服务中心', kind: 'social_service', authority: REGION, existing: [] }).name).toBe(
      '宁夏\uff08银川\uff09养老服务中心',
    );
  });

  it('normalizes keys and area names', () => {
    expect(shortAreaName('宁夏回族自治区')).toBe('宁夏');
    expect(shortAreaName('红寺堡区')).toBe('红寺堡');
    expect(nameKey('宁夏回族自治区书法家协会', 'social_group', ['宁夏回族自治区'])).toBe('书法');
  });
});
