import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { dibaoDb } from './db.ts';

/**
 * 低保 tunables. Defaults follow regulations.md §2; every value marked unverified or local there
 * is a setting (stored in dibao.setting, edited with dibao.configure), never a constant in code.
 */
export const DIBAO_SETTINGS = {
  /** 总时限 from 受理 to decision, working days (民发〔2021〕57号: 30; special cases 45). */
  totalWorkdays: z.number().int().min(1).max(90).default(30),
  specialWorkdays: z.number().int().min(1).max(120).default(45),
  /** 公示 in the village/community, calendar days. */
  publicityDays: z.number().int().min(1).max(30).default(7),
  /** 不予确认 written notice within N working days of the decision. */
  refusalNoticeWorkdays: z.number().int().min(1).max(15).default(3),
  /** County home-visit spot checks of township-confirmed cases: at least this share. */
  spotCheckRatio: z.number().min(0).max(1).default(0.3),
  /** 入户调查 needs at least this many staff. */
  investigationMinStaff: z.number().int().min(1).max(5).default(2),
  /** Re-check cadence in months: stable households / able-bodied members with unstable income. */
  recheckMonthsStable: z.number().int().min(1).max(24).default(12),
  recheckMonthsUnstable: z.number().int().min(1).max(12).default(6),
  /** 渐退: months a household keeps (reduced) benefit after its income rises above the standard; 0 = off. */
  gradualExitMonths: z.number().int().min(0).max(24).default(6),
  /** Smallest monthly payment per household, 分 (local rule; 0 = none). */
  minimumBenefitCents: z.number().int().min(0).default(0),
  /** Ningxia 试行办法: per-capita monetary assets ≤ N months of the local standard. */
  assetMonthsLimit: z.number().int().min(0).max(120).default(36),
  /** Ningxia 试行办法: per-capita housing area below this many m² (0 = not checked). */
  housingAreaLimitM2: z.number().min(0).max(100).default(15),
  /** Deduct 刚性支出 from income before comparing with the standard. */
  deductRigidExpenses: z.boolean().default(true),
  /** 公示异议 → re-investigation (复查) within N working days (regulations.md §2.2: re-investigation and re-publication; no period verified). */
  objectionReviewWorkdays: z.number().int().min(1).max(30).default(15),
  /**
   * Accept applications at the township of 经常居住地 when the applicant's 户籍 is elsewhere. Off by default:
   * 暂行办法第十一条(一) says 户籍所在地; turn on only where a local rule allows residence-based applications.
   */
  applyAtResidence: z.boolean().default(false),
} as const;

export type DibaoSettingKey = keyof typeof DIBAO_SETTINGS;
export type DibaoSettings = { [K in DibaoSettingKey]: z.output<(typeof DIBAO_SETTINGS)[K]> };

export function defaultDibaoSettings(): DibaoSettings {
  return Object.fromEntries(Object.entries(DIBAO_SETTINGS).map(([k, s]) => [k, s.parse(undefined)])) as DibaoSettings;
}

/** Current settings: stored values over the defaults (an invalid stored value falls back to the default). */
export async function readDibaoSettings(db: Kysely<DB>): Promise<DibaoSettings> {
  const rows = await dibaoDb(db).selectFrom('dibao.setting').select(['key', 'value']).execute();
  const out = defaultDibaoSettings() as Record<string, unknown>;
  for (const r of rows) {
    const schema = DIBAO_SETTINGS[r.key as DibaoSettingKey];
    if (!schema) continue;
    const parsed = schema.safeParse(typeof r.value === 'string' ? JSON.parse(r.value) : r.value);
    if (parsed.success) out[r.key] = parsed.data;
  }
  return out as DibaoSettings;
}
