import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { type Actor, userRef } from '../../../kernel/identity/index.ts';
import { pathLevel } from '../../../kernel/workflow/index.ts';
import { PETITION_ERRORS, SETTING_DEFAULTS, type SettingKey } from '../contract.ts';

type SettingValue<K extends SettingKey> = (typeof SETTING_DEFAULTS)[K] extends number ? number : string;

/** Label, basis, whether the rule is unverified, and the validation of each value. */
export const SETTING_SPECS: { [K in SettingKey]: { label: string; basis: string; unverified: boolean; schema: z.ZodType<SettingValue<K>> } } = {
  'repeat.similarityThreshold': {
    label: '重信重访「同事」相似度阈值（0.1–1）',
    basis: '项目取值（比较两件诉求文字中相同词句所占的比例，1 为完全相同）',
    unverified: false,
    schema: z.number({ message: '相似度阈值应为数字' }).min(0.1, '相似度阈值不小于 0.1').max(1, '相似度阈值不大于 1'),
  },
  'intake.competentAreaLevel': {
    label: '民政事项通常的有权处理层级（自治区、市、县或乡镇）',
    basis: '《信访工作条例》第二十条（越级走访的判断基准）',
    unverified: false,
    schema: z.number({ message: '层级应为整数' }).int('层级应为整数').min(1, '层级为 1 至 4').max(4, '层级为 1 至 4'),
  },
  'portal.intakeOrgCode': {
    label: '网上信访受理单位',
    basis: '本平台配置',
    unverified: false,
    schema: z.string({ message: '机构代码应为文本' }).trim().min(1, '请填写机构代码').max(40, '机构代码不超过 40 字'),
  },
  'review.requestDays': {
    label: '申请复查、复核的期限（收到书面答复之日起，日）',
    basis: '《信访工作条例》第三十五条、第三十六条',
    unverified: false,
    // The petitioner's statutory right: a setting may lengthen the window, never shorten it below 30 日.
    schema: z
      .number({ message: '期限应为整数' })
      .int('期限应为整数')
      .min(30, '不得少于 30 日：这是信访人依《信访工作条例》第三十五条、第三十六条享有的申请期限，设置只能延长，不能缩短')
      .max(365, '期限不超过 365 日'),
  },
  'satisfaction.rateWithinDays': {
    label: '满意度评价期限（送达后，日；0 为不限）',
    basis: '《信访事项办理群众满意度评价工作办法（试行）》（评价时限未核实）',
    unverified: true,
    schema: z.number({ message: '期限应为整数' }).int('期限应为整数').min(0, '期限不小于 0').max(365, '期限不超过 365 日'),
  },
  'period.noticeDays': statutoryPeriod('书面告知是否受理的期限（收到之日起，日）', 15, '《信访工作条例》第二十三条第二款、第三款'),
  'period.handleDays': statutoryPeriod('办理期限（受理之日起，日）', 60, '《信访工作条例》第三十四条'),
  'period.extensionDays': statutoryPeriod('办理期限最长延长（日，经本机关负责人批准）', 30, '《信访工作条例》第三十四条'),
  'period.reviewDays': statutoryPeriod('复查意见期限（收到复查请求之日起，日）', 30, '《信访工作条例》第三十五条'),
  'period.recheckDays': statutoryPeriod('复核意见期限（收到复核请求之日起，日）', 30, '《信访工作条例》第三十六条'),
};

/**
 * A period the law gives the office: a setting may shorten it (stricter), never lengthen it —
 * a longer value is refused naming the article. (The 2005 《信访条例》 has the same periods.)
 */
function statutoryPeriod(label: string, max: number, article: string) {
  return {
    label,
    basis: `${article}（法定上限 ${max} 日）`,
    unverified: false,
    schema: z
      .number({ message: '期限应为整数' })
      .int('期限应为整数')
      .min(1, '期限不少于 1 日')
      .max(max, `不得超过 ${max} 日：${article}规定的期限为 ${max} 日，设置只能缩短，不能延长`),
  };
}

const KEYS = Object.keys(SETTING_DEFAULTS) as SettingKey[];

/** The one way code reads a 信访 setting: the stored value, or the default. */
export async function petitionSetting<K extends SettingKey>(ctx: AppContext, key: K): Promise<SettingValue<K>> {
  const row = (await sql<{ value: unknown }>`select value from petitions.setting where key = ${key}`.execute(ctx.db)).rows[0];
  const stored = row
    ? SETTING_SPECS[key].schema.safeParse(typeof row.value === 'string' && typeof SETTING_DEFAULTS[key] === 'number' ? Number(row.value) : row.value)
    : null;
  return (stored?.success ? stored.data : SETTING_DEFAULTS[key]) as SettingValue<K>;
}

type PeriodKey = 'period.noticeDays' | 'period.handleDays' | 'period.reviewDays' | 'period.recheckDays';

/** A clock rule of N 日 read from a period setting when the clock starts (default: the statute's). */
export const settingPeriod =
  (key: PeriodKey) =>
  async (tx: AppContext): Promise<{ unit: 'days'; n: number }> => ({ unit: 'days', n: await petitionSetting(tx, key) });

/** The 办理 extension limit: at most the setting's days (≤ 30 日), once. */
export const settingExtension = async (tx: AppContext) => ({ unit: 'days' as const, n: await petitionSetting(tx, 'period.extensionDays'), times: 1 });

/**
 * Every setting with its current value, default and source, for GET /api/petitions/settings; an
 * org unit's code is named too (valueLabel, defaultLabel), so the console shows the unit, not its code.
 */
export async function listPetitionSettings(ctx: AppContext) {
  const rows = (await sql<{ key: string; updated_at: Date }>`select key, updated_at from petitions.setting`.execute(ctx.db)).rows;
  const out = [];
  for (const key of KEYS) {
    const spec = SETTING_SPECS[key];
    const row = rows.find((r) => r.key === key);
    const value = await petitionSetting(ctx, key);
    const units =
      key === 'portal.intakeOrgCode'
        ? await ctx.db
            .selectFrom('core.org_unit')
            .select(['code', 'name'])
            .where('code', 'in', [String(value), String(SETTING_DEFAULTS[key])])
            .execute()
        : [];
    const unitName = (code: unknown) => units.find((u) => u.code === code)?.name ?? null;
    out.push({
      key,
      label: spec.label,
      basis: spec.basis,
      unverified: spec.unverified,
      value,
      valueLabel: unitName(value),
      default: SETTING_DEFAULTS[key],
      defaultLabel: unitName(SETTING_DEFAULTS[key]),
      updatedAt: row ? new Date(row.updated_at).toISOString() : null,
    });
  }
  return { items: out };
}

/** PUT body: setting key → new value; each value is checked against its setting in updatePetitionSettings. */
export const SettingsPatch = z.record(z.string(), z.union([z.string(), z.number()]));

/** 自治区-level 督办 holders only: a grant with petition.supervise held at an org of area level 1. */
export function canEditSettings(actor: Actor): boolean {
  return actor.grants.some((g) => g.permissions.includes('petition.supervise') && pathLevel(g.areaPath) === 1);
}

/** PUT: validate every key first (400 naming it), then write all of them and audit each — one transaction. */
export async function updatePetitionSettings(ctx: AppContext, actor: Actor, raw: unknown) {
  if (!canEditSettings(actor)) throw new AppError('FORBIDDEN', 403, PETITION_ERRORS.SETTINGS_FORBIDDEN);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || !Object.keys(raw).length)
    throw badRequest('VALIDATION_FAILED', '请提交要修改的设置项', { field: 'body' });
  const changes: Array<{ key: SettingKey; value: string | number }> = [];
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!(key in SETTING_DEFAULTS)) throw badRequest('SETTING_UNKNOWN', `「${key}」不是信访设置项`, { field: key });
    const spec = SETTING_SPECS[key as SettingKey];
    const parsed = (spec.schema as z.ZodType<string | number>).safeParse(value);
    if (!parsed.success) throw badRequest('VALIDATION_FAILED', `「${spec.label}」${parsed.error.issues[0]!.message}`, { field: key });
    changes.push({ key: key as SettingKey, value: parsed.data });
  }
  return withTx(ctx, async (tx) => {
    for (const ch of changes) {
      if (ch.key === 'portal.intakeOrgCode') {
        const org = await tx.db
          .selectFrom('core.org_unit')
          .select(['id', 'active'])
          .where('code', '=', ch.value as string)
          .executeTakeFirst();
        if (!org || !org.active) throw badRequest('VALIDATION_FAILED', `「${SETTING_SPECS[ch.key].label}」机构代码不存在或已停用`, { field: ch.key });
      }
      const before = await petitionSetting(tx, ch.key);
      await sql`insert into petitions.setting (key, value, updated_at, updated_by) values (${ch.key}, cast(${JSON.stringify(ch.value)} as jsonb), ${tx.clock.now()}, ${userRef(actor)})
        on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`.execute(tx.db);
      await recordAudit(tx, {
        actor,
        action: 'petition.setting.update',
        entityType: 'petition_setting',
        entityId: ch.key,
        before: { value: before },
        after: { value: ch.value },
        areaCode: actor.areaCode,
        areaPath: actor.areaPath,
        orgUnitId: actor.orgUnitId,
      });
    }
    return listPetitionSettings(tx);
  });
}
