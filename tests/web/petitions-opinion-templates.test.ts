import { describe, expect, test } from 'vitest';
import { chineseDate, opinionTemplate, PLACEHOLDER } from '../../web/staff/modules/petitions/opinion-templates.ts';

const facts = {
  petitioner: '马某某',
  date: '2026-03-02',
  channel: '来访',
  matter: '关于恢复低保待遇的诉求',
  refNo: 'XF-640104-2026-000001',
  org: '兴庆区民政局',
  today: '2026-04-15',
};

describe('信访处理意见书 templates', () => {
  test('fill the case facts in and leave only handler-known parts as 【】', () => {
    const s = opinionTemplate('支持', 'draft', facts);
    expect(s.startsWith('信访事项处理意见书\n\n马某某：')).toBe(true);
    expect(s).toContain('你于2026年3月2日通过来访反映的“关于恢复低保待遇的诉求”一事（编号 XF-640104-2026-000001）');
    expect(s).toContain('本机关予以支持');
    expect(s).toContain('请求复查');
    expect(s.endsWith('兴庆区民政局\n2026年4月15日')).toBe(true);
    expect(PLACEHOLDER.test(s)).toBe(true);
    expect(PLACEHOLDER.test(s.replace(/【[^】]*】/g, '已核实'))).toBe(false);
  });
  test('name the level above for 复查 / 复核 when the platform knows it, instead of a 【】 for the clerk', () => {
    const s = opinionTemplate('支持', 'draft', { ...facts, above: '银川市民政局' });
    expect(s).toContain('30 日内，向银川市民政局请求复查。');
    expect(s).not.toContain('【上一级行政机关名称】');
    expect(opinionTemplate('不予支持', 'conclude_review', { ...facts, above: '宁夏回族自治区民政厅' })).toContain('向宁夏回族自治区民政厅请求复核。');
  });
  test('each outcome and stage says what it should', () => {
    expect(opinionTemplate('解释说明', 'draft', facts)).toContain('解释说明如下');
    expect(opinionTemplate('不予支持', 'draft', facts)).toContain('本机关不予支持');
    const review = opinionTemplate('不予支持', 'conclude_review', facts);
    expect(review.startsWith('信访事项复查意见书')).toBe(true);
    expect(review).toContain('请求复核');
    const recheck = opinionTemplate('支持', 'conclude_recheck', { ...facts, channel: '上级转来' });
    expect(recheck).toContain('通过上级机关转送反映');
    expect(recheck).toContain('不再受理');
  });
  test('an unknown petitioner (anonymous) stays a placeholder', () => {
    expect(opinionTemplate('支持', 'draft', { ...facts, petitioner: null })).toMatch(/^信访事项处理意见书\n\n【信访人姓名】：/);
    expect(chineseDate('2026-12-09')).toBe('2026年12月9日');
  });
});
