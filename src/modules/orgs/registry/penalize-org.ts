import { z } from 'zod';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { AppError, conflict } from '../../../platform/errors.ts';
import { requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { Day } from '../contracts/http.ts';
import { CREDIT_REASONS } from '../contract.ts';
import { PENALTY_BASES, PENALTY_MEASURE_LABEL, type PenaltyMeasure } from '../credit/penalty-rules.ts';
import { storePenalty } from '../credit/penalty-record.ts';
import { orgInScope } from './get-org.ts';

const Yuan = (title: string) =>
  z
    .number(`${title}应为数字（元）`)
    .positive(`${title}应大于0`)
    .max(1e10, `${title}过大`)
    .refine((v) => Math.round(v * 100) === Math.round(v * 100 * 1000) / 1000, `${title}最多保留两位小数`)
    .nullable()
    .optional()
    .meta({ title: `${title}（元）` });

export const PenaltyInput = z.object({
  decidedOn: Day.meta({ title: '决定日期' }),
  documentNo: z.string().trim().max(100, '决定书文号不能超过100个字').nullable().optional().meta({ title: '决定书文号' }),
  facts: z.string('请填写违法事实').trim().min(5, '请填写违法事实（不少于5个字）').max(2000, '违法事实不能超过2000个字').meta({ title: '违法事实' }),
  warning: z.boolean().default(false).meta({ title: '警告' }),
  fineYuan: Yuan('罚款金额'),
  confiscationYuan: Yuan('没收违法所得金额'),
  suspendedUntil: Day.nullable().optional().meta({ title: '限期停止活动至' }),
  dismissal: z.boolean().default(false).meta({ title: '责令撤换直接负责的主管人员' }),
});
export const PenaltyRecorded = z.object({
  id: z.uuid(),
  basis: z.string(),
  listings: z.array(z.object({ id: z.uuid(), list: z.enum(['abnormal', 'serious']), reason: z.string() })),
});

/**
 * 行政处罚决定 (other than 撤销登记, which is `revokeOrg`) already made, recorded with basis and date; a decision
 * made in an enforcement case arrives by its PenaltyDecided event instead (penalty-from-enforcement.ts). The
 * measures must be ones the organization's regulation allows; the listings of 民政部令第60号 follow the same day
 * (see penaltyListings). One transaction, audited.
 */
export async function penalizeOrg(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof PenaltyInput>) {
  requirePermission(actor, 'orgs.penalize');
  const today = chinaDate(ctx.clock.now());
  if (input.decidedOn > today) throw new AppError('VALIDATION_FAILED', 400, '决定日期不能晚于今天。', { field: 'decidedOn' });
  const measures: PenaltyMeasure[] = [];
  if (input.warning) measures.push('warning');
  if (input.fineYuan != null) measures.push('fine');
  if (input.confiscationYuan != null) measures.push('confiscation');
  if (input.suspendedUntil != null) measures.push('suspension');
  if (input.dismissal) measures.push('dismissal');
  if (!measures.length)
    throw new AppError('VALIDATION_FAILED', 400, '请至少选择一种处罚：警告、罚款、没收违法所得、限期停止活动或责令撤换直接负责的主管人员。');
  if (input.suspendedUntil != null && input.suspendedUntil < input.decidedOn)
    throw new AppError('VALIDATION_FAILED', 400, '停止活动的截止日期不能早于决定日期。', { field: 'suspendedUntil' });
  return withTx(ctx, async (tx) => {
    const o = await orgInScope(tx, actor, id, 'orgs.penalize');
    if (o.status !== 'normal') throw conflict('ORG_NOT_ACTIVE', `“${o.name}”已注销或被撤销登记。`);
    if (input.decidedOn < o.registered_on_t) throw new AppError('VALIDATION_FAILED', 400, `决定日期早于成立登记日期${o.registered_on_t}。`);
    const rule = PENALTY_BASES[o.kind];
    const refused = measures.filter((m) => !rule.measures.includes(m));
    if (refused.length)
      throw new AppError(
        'VALIDATION_FAILED',
        400,
        `${rule.basis}未规定“${refused.map((m) => PENALTY_MEASURE_LABEL[m]).join('、')}”，可给予：${rule.measures.map((m) => PENALTY_MEASURE_LABEL[m]).join('、')}。`,
      );
    const r = await storePenalty(tx, actor, o, {
      decidedOn: input.decidedOn,
      article: rule.article,
      basis: rule.basis,
      documentNo: input.documentNo ?? null,
      facts: input.facts,
      measures,
      fineCents: input.fineYuan == null ? null : Math.round(input.fineYuan * 100),
      confiscationCents: input.confiscationYuan == null ? null : Math.round(input.confiscationYuan * 100),
      suspendedUntil: input.suspendedUntil ?? null,
      caseId: null,
    });
    return {
      id: r.id,
      basis: r.basis,
      listings: r.listings.map((l) => ({ id: l.id, list: l.list, reason: (CREDIT_REASONS[l.list] as Record<string, { label: string }>)[l.reason]!.label })),
    };
  });
}
