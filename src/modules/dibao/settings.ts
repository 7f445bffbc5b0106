import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { dibaoDb } from './db.ts';

/** 民发〔2021〕57号 (full text not in the reference set: cited without an article, regulations.md §2). */
const N = '民发〔2021〕57号';

/**
 * 低保 tunables. Defaults follow regulations.md §2; every value marked unverified or local there
 * is a setting (stored in dibao.setting, edited with dibao.configure), never a constant in code.
 * A setting may make a statutory rule stricter, never looser: each statutory period and minimum
 * is bounded here, and the message names the rule (a PUT outside the bound is a 400).
 */
export const DIBAO_SETTINGS = {
  /** 总时限 from 受理 to decision, working days (民发〔2021〕57号: 30; special cases 45). */
  totalWorkdays: z.number().int().min(1).max(30, `不得超过 30 个工作日（${N}：自受理之日起 30 个工作日内完成审核确认）`).default(30),
  specialWorkdays: z.number().int().min(1).max(45, `不得超过 45 个工作日（${N}：特殊情况可延长至 45 个工作日）`).default(45),
  /** 公示 in the village/community, calendar days. */
  publicityDays: z.number().int().min(7, `公示期不少于 7 日（${N}）`).max(30).default(7),
  /** 不予确认 written notice within N working days of the decision. */
  refusalNoticeWorkdays: z.number().int().min(1).max(3, `不予确认的，应在作出决定 3 个工作日内书面告知，不得超过 3 个工作日（${N}）`).default(3),
  /** County home-visit spot checks of township-confirmed cases: at least this share. */
  spotCheckRatio: z.number().min(0.3, `县级民政部门入户抽查比例不低于 30%（${N}及地方实施办法）`).max(1).default(0.3),
  /** 入户调查 needs at least this many staff. */
  investigationMinStaff: z.number().int().min(2, `入户调查工作人员不少于 2 人（${N}）`).max(5).default(2),
  /** Re-check cadence in months: stable households / able-bodied members with unstable income. */
  recheckMonthsStable: z.number().int().min(1).max(12, `收入稳定的家庭至少每年复核一次，不得超过 12 个月（${N}）`).default(12),
  recheckMonthsUnstable: z.number().int().min(1).max(6, `收入来源不固定且有劳动能力的家庭至少每半年复核一次，不得超过 6 个月（${N}）`).default(6),
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
  /** Value of one motor vehicle above which the household does not qualify, 分 (0 = not checked). */
  vehicleValueLimitCents: z.number().int().min(0).max(100_000_000).default(3_000_000),
  /** 公示异议 → re-investigation (复查) within N working days (regulations.md §2.2: re-investigation and re-publication; no period verified). */
  objectionReviewWorkdays: z.number().int().min(1).max(30).default(15),
  /**
   * Accept applications at the township of 经常居住地 when the applicant's 户籍 is elsewhere. Off by default:
   * 暂行办法第十一条(一) says 户籍所在地; turn on only where a local rule allows residence-based applications.
   */
  applyAtResidence: z.boolean().default(false),
  /** First day of 民发〔2021〕57号 (acts before it cite 民发〔2012〕220号 and the Ningxia 试行办法); unverified, see law.ts. */
  measures2021From: z.iso.date().default('2021-07-01'),
} as const;

export type DibaoSettingKey = keyof typeof DIBAO_SETTINGS;
export type DibaoSettings = { [K in DibaoSettingKey]: z.output<(typeof DIBAO_SETTINGS)[K]> };

/**
 * Each setting's Chinese name and the basis of its default. None of the defaults' legal texts is in
 * the reference set (regulations.md §2: 57号 “full text not retrieved”; the Ningxia 试行办法 known
 * from a secondary page), so none starts verified; the region's configuring user marks a basis
 * verified once the text is checked. An unverified eligibility limit is shown as a warning only.
 */
export const DIBAO_SETTING_INFO: { [K in DibaoSettingKey]: { label: string; basis: string } } = {
  totalWorkdays: { label: '审核确认总时限（工作日）', basis: `${N}：自受理之日起 30 个工作日内完成审核确认` },
  specialWorkdays: { label: '特殊情况总时限（工作日）', basis: `${N}：特殊情况可延长至 45 个工作日` },
  publicityDays: { label: '公示期（日）', basis: `${N}：在申请家庭所在村（社区）公示 7 天` },
  refusalNoticeWorkdays: { label: '不予确认书面告知期限（工作日）', basis: `${N}：作出不予确认决定后 3 个工作日内书面告知` },
  spotCheckRatio: { label: '县级入户抽查比例', basis: `${N}；30% 见多地实施办法（国家文本措辞未核实）` },
  investigationMinStaff: { label: '入户调查最少人数', basis: `${N}：入户调查不少于 2 名工作人员` },
  recheckMonthsStable: { label: '收入稳定家庭复核间隔（月）', basis: `${N}：短期内经济状况变化不大的，每年复核` },
  recheckMonthsUnstable: { label: '收入不固定家庭复核间隔（月）', basis: `${N}：收入来源不固定、有劳动能力的，每半年复核` },
  gradualExitMonths: { label: '救助渐退期（月）', basis: '《宁夏回族自治区最低生活保障审核审批办法（试行）》救助渐退（期限未核实）' },
  minimumBenefitCents: { label: '最低发放金额（分）', basis: '地方规定' },
  assetMonthsLimit: { label: '人均货币财产上限（月标准数）', basis: '《宁夏回族自治区最低生活保障审核审批办法（试行）》：人均不超过 36 个月当地低保标准' },
  housingAreaLimitM2: { label: '人均住房面积上限（㎡）', basis: '《宁夏回族自治区最低生活保障审核审批办法（试行）》：人均住房面积低于 15 ㎡' },
  deductRigidExpenses: { label: '扣减刚性支出', basis: '《宁夏回族自治区最低生活保障审核审批办法（试行）》：刚性支出可从收入中扣减' },
  vehicleValueLimitCents: { label: '机动车价值上限（分）', basis: '地方规定（机动车价值标准，文本未核实）' },
  objectionReviewWorkdays: { label: '公示异议复查期限（工作日）', basis: `${N}：公示有异议的重新调查核实（期限未核实）` },
  measures2021From: { label: '《最低生活保障审核确认办法》施行日期', basis: '民发〔2021〕57号（施行日期未核实；此前适用民发〔2012〕220号和自治区试行办法）' },
  applyAtResidence: {
    label: '允许在经常居住地申请',
    basis: '地方规定（《社会救助暂行办法》第十一条（一）为户籍所在地；有条件的地方按规定放开户籍地申请限制）',
  },
};

export type SettingSource = { label: string; basis: string; verified: boolean };
export type DibaoSettingSources = { [K in DibaoSettingKey]: SettingSource };

export function defaultDibaoSettings(): DibaoSettings {
  return Object.fromEntries(Object.entries(DIBAO_SETTINGS).map(([k, s]) => [k, s.parse(undefined)])) as DibaoSettings;
}

/** Cross-setting rules (the special period cannot be shorter than the ordinary one); the message, or null. */
export function settingsConflict(s: DibaoSettings): string | null {
  if (s.specialWorkdays < s.totalWorkdays)
    return `「特殊情况总时限」（${s.specialWorkdays} 个工作日）不得短于「审核确认总时限」（${s.totalWorkdays} 个工作日）`;
  return null;
}

type Row = { key: string; value: unknown; source: string | null; verified: boolean | null };
const rowsOf = (db: Kysely<DB>) => dibaoDb(db).selectFrom('dibao.setting').select(['key', 'value', 'source', 'verified']).execute() as Promise<Row[]>;

/** Current settings: stored values over the defaults (an invalid stored value falls back to the default). */
export async function readDibaoSettings(db: Kysely<DB>): Promise<DibaoSettings> {
  return valuesOf(await rowsOf(db));
}

/** A jsonb value as the driver returns it: some give JSON text, some the parsed value (a string setting is a JS string either way). */
function jsonValue(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function valuesOf(rows: Row[]): DibaoSettings {
  const out = defaultDibaoSettings() as Record<string, unknown>;
  for (const r of rows) {
    const schema = DIBAO_SETTINGS[r.key as DibaoSettingKey];
    if (!schema) continue;
    const parsed = schema.safeParse(jsonValue(r.value));
    if (parsed.success) out[r.key] = parsed.data;
  }
  return out as DibaoSettings;
}

/** Each setting's basis (stored text over the default) and whether its legal text was verified. */
export async function readDibaoSettingSources(db: Kysely<DB>): Promise<DibaoSettingSources> {
  return sourcesOf(await rowsOf(db));
}

function sourcesOf(rows: Row[]): DibaoSettingSources {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return Object.fromEntries(
    (Object.keys(DIBAO_SETTINGS) as DibaoSettingKey[]).map((k) => {
      const r = byKey.get(k);
      return [k, { label: DIBAO_SETTING_INFO[k].label, basis: r?.source ?? DIBAO_SETTING_INFO[k].basis, verified: r?.verified ?? false }];
    }),
  ) as DibaoSettingSources;
}

/** Values and sources in one read. */
export async function readDibaoSettingsWithSources(db: Kysely<DB>): Promise<{ values: DibaoSettings; sources: DibaoSettingSources }> {
  const rows = await rowsOf(db);
  return { values: valuesOf(rows), sources: sourcesOf(rows) };
}
