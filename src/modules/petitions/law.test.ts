import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../platform/context.ts';
import type { CaseRow, ClockSpec, LegalBasis } from '../../kernel/workflow/index.ts';
import { PETITION_LAW_2005, PETITION_LAW_2022, petitionLawOn } from './law.ts';
import { petitionWorkflow as wf } from './workflow.ts';

/** A transaction standing on a day (Beijing 10:00); the bases read nothing else. */
const on = (date: string) => ({ clock: { now: () => new Date(`${date}T10:00:00+08:00`) } }) as unknown as AppContext;
const basis = async (b: LegalBasis | undefined, date: string) => (typeof b === 'function' ? b({} as CaseRow, on(date)) : b);
const clock = (specs: readonly ClockSpec[] | undefined) => specs![0]!.legalBasis;

describe('the law of the day（《信访条例》 2005 until 2022-04-30，《信访工作条例》 from 2022-05-01）', () => {
  it('picks the instrument by the day of the act', () => {
    expect(petitionLawOn('2019-06-03')).toBe(PETITION_LAW_2005);
    expect(petitionLawOn('2022-04-30')).toBe(PETITION_LAW_2005);
    expect(petitionLawOn('2022-05-01')).toBe(PETITION_LAW_2022);
  });

  it.each([
    ['2019-06-03', ['《信访条例》第二十一条第二款、第二十二条第二款', '《信访条例》第三十三条', '《信访条例》第三十四条', '《信访条例》第三十五条']],
    ['2022-05-01', ['《信访工作条例》第二十三条第二款、第三款', '《信访工作条例》第三十四条', '《信访工作条例》第三十五条', '《信访工作条例》第三十六条']],
  ])('a clock started on %s cites 告知（15 日），办理（60 日），复查 and 复核（30 日）of the rule then in force', async (date, want) => {
    const got = [
      await basis(clock(wf.create.clocks?.start), date),
      await basis(clock(wf.transitions.accept!.clocks?.start), date),
      await basis(clock(wf.transitions.request_review!.clocks?.start), date),
      await basis(clock(wf.transitions.request_recheck!.clocks?.start), date),
    ];
    expect(got).toEqual(want);
  });

  it('cites the 签收 3 日 and the 督办 feedback 5 个工作日 as working rules, not articles', async () => {
    expect(await basis(wf.handoff!.legalBasis, '2019-06-03')).toBe('本平台工作规则（签收 3 日）');
    expect(await basis(wf.handoff!.legalBasis, '2023-01-05')).toBe('本平台工作规则（签收 3 日）；异议期限（5 个工作日）：《信访工作条例》第二十三条第三款');
    expect(wf.supervision!.legalBasis).toBe('本平台工作规则（督办反馈 5 个工作日）');
  });

  it('gives each 不予受理 reason its article in both instruments', () => {
    expect(PETITION_LAW_2005.refusal).toEqual({
      statutory_route: '《信访条例》第十四条第二款、第二十一条第一款第（一）项',
      not_competent: '《信访条例》第二十二条第一款',
      rechecked_final: '《信访条例》第三十五条第三款',
      pending_upward: '《信访条例》第十六条',
      skip_level_visit: '《信访条例》第十六条、第十八条',
    });
    expect(PETITION_LAW_2022.refusal.rechecked_final).toBe('《信访工作条例》第三十六条第三款');
    expect(PETITION_LAW_2005.handleSentence).toContain('《信访条例》第三十三条');
    expect(PETITION_LAW_2005.reviewRight).toContain('原办理行政机关的上一级行政机关复查（《信访条例》第三十四条）');
  });

  it('tells the 复核 right in the 复查意见书 and the finality in the 复核意见书 by the rule of the day', () => {
    expect(PETITION_LAW_2005.recheckRight).toContain('向复查机关的上一级行政机关请求复核（《信访条例》第三十五条第一款）');
    expect(PETITION_LAW_2022.recheckRight).toContain('向复查机关、单位的上一级机关、单位请求复核（《信访工作条例》第三十六条第一款）');
    expect(PETITION_LAW_2005.finality).toContain(
      '以同一事实和理由提出投诉请求的，各级人民政府信访工作机构和其他行政机关不再受理（《信访条例》第三十五条第三款）',
    );
    expect(PETITION_LAW_2022.finality).toContain('各级党委和政府信访部门和其他机关、单位不再受理（《信访工作条例》第三十六条第三款）');
  });
});
