import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { yuanText } from '../../../platform/money.ts';

/** 家庭经济状况核对 sources (民政核对机构 queries per 民发〔2021〕57号: 逢进必核). */
export const CHECK_SOURCES = ['户籍', '社保', '不动产', '车辆', '银行存款', '市场主体', '公积金', '纳税'] as const;
export type CheckSource = (typeof CHECK_SOURCES)[number];
export type CheckStatus = '一致' | '不一致' | '未查到' | '查询失败';
export type CheckResult = { source: CheckSource; status: CheckStatus; detail: string };

export type CheckRequest = {
  householdId: string;
  members: Array<{ name: string; idHash: string; idMasked: string; hukouAreaCode: string | null; areaCode: string }>;
  incomes: Array<{ kind: string; monthlyCents: number }>;
  assets: Array<{ kind: string; description: string; valueCents: number; areaM2: number | null }>;
};

/** The 核对 agency: one answer per source. A real adapter calls the 民政核对平台; the demo answers from the declared data. */
export interface CheckAgency {
  readonly name: string;
  check(req: CheckRequest): Promise<CheckResult[]>;
}

/**
 * Demo agency: deterministic, answers from the household's own declarations (so the demo and
 * tests show every source), flagging what a real check would flag: a declared wage high enough
 * to be taxed, a business income (市场主体 registered), a car.
 */
export const demoCheckAgency: CheckAgency = {
  name: '核对平台（演示）',
  async check(req) {
    const sum = (kinds: string[]) => req.assets.filter((a) => kinds.includes(a.kind)).reduce((s, a) => s + a.valueCents, 0);
    const wage = req.incomes.filter((i) => i.kind === '工资性收入').reduce((s, i) => s + i.monthlyCents, 0);
    const business = req.incomes.filter((i) => i.kind === '经营净收入').reduce((s, i) => s + i.monthlyCents, 0);
    const houses = req.assets.filter((a) => a.kind === '住房');
    const cars = req.assets.filter((a) => a.kind === '机动车');
    const outside = req.members.filter((m) => m.hukouAreaCode && !m.hukouAreaCode.startsWith(m.areaCode.slice(0, 6)));
    return [
      {
        source: '户籍',
        status: outside.length ? '不一致' : '一致',
        detail: outside.length ? `${outside.map((m) => m.name).join('、')}户籍不在本县` : `${req.members.length} 人户籍与申报一致`,
      },
      { source: '社保', status: wage > 0 ? '一致' : '未查到', detail: wage > 0 ? `有参保缴费记录，申报工资 ${yuanText(wage)} 元/月` : '无在职参保缴费记录' },
      {
        source: '不动产',
        status: '一致',
        detail: houses.length ? `登记住房 ${houses.length} 套，${houses.map((h) => `${h.areaM2 ?? '?'}㎡`).join('、')}` : '无不动产登记',
      },
      {
        source: '车辆',
        status: cars.length ? '不一致' : '一致',
        detail: cars.length ? `登记机动车 ${cars.length} 辆（${cars.map((c) => c.description).join('、')}），需入户核实` : '无机动车登记',
      },
      { source: '银行存款', status: '一致', detail: `存款及有价证券合计 ${yuanText(sum(['存款', '有价证券']))} 元` },
      { source: '市场主体', status: business > 0 ? '不一致' : '未查到', detail: business > 0 ? '登记有个体工商户 1 户' : '无市场主体登记' },
      { source: '公积金', status: '未查到', detail: '无住房公积金缴存记录' },
      { source: '纳税', status: wage > 500000 ? '不一致' : '未查到', detail: wage > 500000 ? '有个人所得税纳税记录' : '无纳税记录' },
    ];
  },
};

let agency: CheckAgency = demoCheckAgency;
/** Swap the adapter (a real agency, or a test double). */
export function setCheckAgency(a: CheckAgency): void {
  agency = a;
}
export function checkAgency(): CheckAgency {
  return agency;
}

/** The request for one household (active members only). */
export async function checkRequestOf(tx: AppContext, householdId: string): Promise<CheckRequest> {
  const members = (
    await sql<any>`select m.name, m.id_hash, m.id_number_masked, m.hukou_area_code, h.area_code from dibao.member m join dibao.household h on h.id = m.household_id
    where m.household_id = ${householdId} and m.active order by m.created_at, m.id`.execute(tx.db)
  ).rows;
  const incomes = (await sql<any>`select kind, monthly_cents from dibao.income where household_id = ${householdId}`.execute(tx.db)).rows;
  const assets = (
    await sql<any>`select kind, description, value_cents::text as v, area_m2::text as a from dibao.asset where household_id = ${householdId}`.execute(tx.db)
  ).rows;
  return {
    householdId,
    members: members.map((m) => ({ name: m.name, idHash: m.id_hash, idMasked: m.id_number_masked, hukouAreaCode: m.hukou_area_code, areaCode: m.area_code })),
    incomes: incomes.map((i) => ({ kind: i.kind, monthlyCents: Number(i.monthly_cents) })),
    assets: assets.map((a) => ({ kind: a.kind, description: a.description, valueCents: Number(a.v), areaM2: a.a == null ? null : Number(a.a) })),
  };
}
