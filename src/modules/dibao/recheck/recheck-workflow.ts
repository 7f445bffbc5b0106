import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { SYSTEM_ACTOR } from '../../../kernel/identity/index.ts';
import { defineWorkflow, transition, createCase } from '../../../kernel/workflow/index.ts';
import { readDibaoSettings } from '../settings.ts';
import { RECHECK_TYPE } from '../contract.ts';
import { basisOfDay } from '../law.ts';
import { yuanText } from '../../../platform/money.ts';
import { applyRecheckOutcome, checkProposal, mustBeDecidingLevel, recheckRow, type Proposal } from './decide-recheck.ts';

const title = (t: string) => ({ title: t });
const DECIDED_BY = { county: '县级民政部门', township: '乡镇（街道）（审批权下放）' } as const;
const incomeClass = z
  .enum(['稳定', '不固定'], { message: '请选择家庭收入类别' })
  .meta({ title: '家庭收入类别', description: '稳定：每年复核；收入来源不固定且有劳动能力：每半年复核。下次复核日期按此确定' });
const findings = z.string().trim().min(5, '请填写复核情况（不少于 5 字）').max(5000).meta(title('复核情况'));
const concludeInput = z.object({
  // Only 不变 is concluded here: a change is reported and decided (report → decide), never taken by the township clerk alone.
  result: z
    .enum(['不变'], { message: '调整、停发、渐退须「报请调整、停发或渐退」，由县级民政部门（审批权下放的，由乡镇、街道）作出决定' })
    .default('不变')
    .meta({ title: '复核结果', description: '保障金不变；需要调整、停发或渐退的，请「报请调整、停发或渐退」' }),
  findings,
  incomeClass,
});
const reportInput = z
  .object({
    proposal: z
      .enum(['调整', '停发', '渐退'], { message: '请选择复核意见' })
      .meta({ title: '复核意见', description: '调整：按当前家庭收入、人口重新核算（增发或减发）；渐退：收入超过标准后继续发放一段时间再停发' }),
    findings,
    reason: z.string().trim().max(1000).optional().meta(title('理由（停发、渐退时必填）')),
    incomeClass,
  })
  .refine((v) => v.proposal === '调整' || (v.reason && v.reason.length >= 2), {
    message: '停发、渐退须书面说明理由（《社会救助暂行办法》第十三条）',
    path: ['reason'],
  });
const decideInput = z.object({
  decision: z.enum(['同意', '不同意'], { message: '请选择是否同意' }).meta({ title: '决定', description: '不同意的，保障金不变' }),
  opinion: z.string().trim().min(2, '请填写决定意见').max(2000).meta(title('决定意见')),
});

/**
 * 动态管理: a 复核 case per household due for its periodic re-check (暂行办法 第十三条; 民发〔2021〕57号).
 * The township records the findings: unchanged (conclude), or a proposal to 调整/停发/渐退 (report),
 * which the county decides — or the township itself where approval is delegated on the decision day
 * (decide; decide-recheck.ts). Each re-check sets the income class, and the next date follows it.
 */
export const recheckWorkflow = defineWorkflow({
  type: RECHECK_TYPE,
  label: '低保复核',
  refPrefix: 'DBFH',
  readPermission: 'dibao.read',
  states: { open: { label: '待复核' }, deciding: { label: '待作出调整决定' }, done: { label: '已复核', terminal: true } },
  initial: 'open',
  // Created only by the sweep (below), never registered by hand.
  facts: {
    proposal: '复核意见（报请决定）',
    result: '复核结果',
    incomeClass: '家庭收入类别',
    decidedBy: '决定层级',
    beforeYuan: '复核前月保障金（元）',
    afterYuan: '复核后月保障金（元）',
    gradualExitUntil: '渐退发放至',
    notice: '复核结果通知',
  },
  // The facts live in dibao.recheck only; the case page reads them from there.
  readFacts: async (ctx, c) => {
    const r = (
      await sql<{
        result: string | null;
        before_cents: number | null;
        after_cents: number | null;
        notice: string | null;
        proposal: unknown;
        income_class: string | null;
        decided_level: string | null;
        gradual_exit_until: string | null;
      }>`
      select result, before_cents, after_cents, notice, proposal, income_class, decided_level, gradual_exit_until::text as gradual_exit_until
      from dibao.recheck where case_id = ${c.id}`.execute(ctx.db)
    ).rows[0];
    const p = (typeof r?.proposal === 'string' ? JSON.parse(r.proposal) : r?.proposal) as Proposal | null | undefined;
    const out: Record<string, unknown> = {};
    if (p) out.proposal = `${p.result}${p.reason ? `(${p.reason})` : ''}`;
    if (!r?.result) return out;
    return {
      ...out,
      result: r.result,
      incomeClass: r.income_class,
      decidedBy: r.decided_level ? DECIDED_BY[r.decided_level as 'county' | 'township'] : undefined,
      beforeYuan: yuanText(r.before_cents ?? 0),
      afterYuan: yuanText(r.after_cents ?? 0),
      gradualExitUntil: r.gradual_exit_until ?? undefined,
      notice: r.notice,
    };
  },
  create: {
    label: '生成复核任务',
    creatable: false,
    who: { permission: 'dibao.handle' },
    clocks: {
      start: [
        {
          name: 'recheck',
          label: (r) => `复核期限（${r.n} 个工作日）`,
          legalBasis: basisOfDay('定期复核'),
          rule: async (tx) => ({ unit: 'workdays', n: (await readDibaoSettings(tx.db)).totalWorkdays }),
        },
      ],
    },
  },
  transitions: {
    conclude: transition({
      label: '复核结论',
      from: ['open'],
      to: 'done',
      who: { permission: 'dibao.handle' },
      input: concludeInput,
      clocks: { stop: ['recheck'] },
      effect: async ({ tx, case: c, input, actor }) =>
        applyRecheckOutcome(tx, actor, c, {
          result: '不变',
          findings: input.findings,
          reason: null,
          incomeClass: input.incomeClass,
          level: null,
          opinion: null,
        }),
    }),
    report: transition({
      label: '报请调整、停发或渐退',
      from: ['open'],
      to: 'deciding',
      who: { permission: 'dibao.handle' },
      input: reportInput,
      effect: async ({ tx, case: c, input, actor }) => {
        await recheckRow(tx, c.id);
        await checkProposal(tx, { result: input.proposal });
        const p: Proposal = {
          result: input.proposal,
          findings: input.findings,
          reason: input.reason || null,
          incomeClass: input.incomeClass,
          by: actor.displayName,
          on: chinaDate(tx.clock.now()),
        };
        await sql`update dibao.recheck set proposal = ${JSON.stringify(p)}::jsonb, income_class = ${input.incomeClass} where case_id = ${c.id}`.execute(tx.db);
      },
    }),
    decide: transition({
      label: '作出复核决定',
      from: ['deciding'],
      to: 'done',
      // The county bureau (a grant above the township holding the case) or, under delegation, the township leader.
      who: { permission: 'dibao.confirm', party: ['holder', 'supervisor'] },
      input: decideInput,
      clocks: { stop: ['recheck'] },
      effect: async ({ tx, case: c, input, actor }) => {
        const { proposal: p } = await recheckRow(tx, c.id);
        if (!p) throw new AppError('DIBAO_RECHECK_NO_PROPOSAL', 409, '乡镇（街道）尚未报请调整、停发或渐退');
        const county = (
          await sql<{ area_path: string }>`select h.area_path from dibao.household h join dibao.recheck r on r.household_id = h.id
          where r.case_id = ${c.id}`.execute(tx.db)
        ).rows[0]!.area_path.split('.')[2]!;
        const level = await mustBeDecidingLevel(tx, actor, c, county, chinaDate(tx.clock.now()));
        await applyRecheckOutcome(tx, actor, c, {
          result: input.decision === '同意' ? p.result : '不变',
          findings: p.findings,
          reason: p.reason,
          incomeClass: p.incomeClass,
          level,
          opinion: input.opinion,
        });
      },
    }),
  },
});

/**
 * Create the due 复核 cases (households active with next_recheck_on ≤ today and no open re-check)
 * at the township office of the household; each gets a clock of totalWorkdays working days.
 */
export async function sweepRechecks(ctx: AppContext, opts: { isDemo?: boolean } = {}): Promise<number> {
  const day = chinaDate(ctx.clock.now());
  const due = (
    await sql<{
      id: string;
      area_path: string;
      next_recheck_on: string;
      is_demo: boolean;
    }>`select h.id, h.area_path, h.next_recheck_on::text as next_recheck_on, h.is_demo from dibao.household h
    where h.status = 'active' and h.next_recheck_on <= ${day}::date
      and not exists (select 1 from dibao.recheck r where r.household_id = h.id and r.result is null) order by h.next_recheck_on, h.id limit 500`.execute(
      ctx.db,
    )
  ).rows;
  let n = 0;
  for (const h of due) {
    const township = h.area_path.split('.')[3];
    const org = (
      await sql<{ id: string }>`select id from core.org_unit where area_code = ${township} and kind = 'township_office' and active limit 1`.execute(ctx.db)
    ).rows[0];
    if (!org) continue;
    const applicant =
      (
        await sql<{ name: string }>`select name from dibao.member where household_id = ${h.id} and relation = '申请人' order by active desc limit 1`.execute(
          ctx.db,
        )
      ).rows[0]?.name ?? '';
    await withTx(ctx, async (tx) => {
      const c = await createCase(tx, SYSTEM_ACTOR, { type: RECHECK_TYPE, title: `低保复核：${applicant}户`, orgUnitId: org.id, system: true });
      await sql`insert into dibao.recheck (case_id, household_id, due_on, is_demo) values (${c.id}, ${h.id}, ${h.next_recheck_on}::date, ${opts.isDemo ?? h.is_demo})`.execute(
        tx.db,
      );
    });
    n++;
  }
  return n;
}

/** The daily sweep's queue; the module manifest (../index.ts) declares it as a daily job at 01:00. */
export const RECHECK_SWEEP_JOB = 'dibao.recheck_sweep';
