import { parseInput } from '../../../platform/http/parse-input.ts';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../../platform/db/schema.ts';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError, badRequest, forbidden } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { grantsFor, pathWithin } from '../../../kernel/identity/index.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import type { Authority } from '../db.ts';
import { dateText } from '../contract.ts';

export type Regime = { authority: Authority; delegationId: string | null; effectiveFrom: string | null; document: string | null };

/**
 * Which level confirms 低保 in a county on a day: the delegation row with the latest
 * effective_from on or before the day; none = 'county' (the national default, 民发〔2021〕57号).
 */
export async function regimeOn(db: Kysely<DB>, countyCode: string, date: string): Promise<Regime> {
  const r = (
    await sql<{ id: string; authority: Authority; effective_from: string; document: string }>`
    select id, authority, effective_from::text as effective_from, document from dibao.delegation
    where county_code = ${countyCode} and effective_from <= ${date}::date order by effective_from desc limit 1`.execute(db)
  ).rows[0];
  if (!r) return { authority: 'county', delegationId: null, effectiveFrom: null, document: null };
  return { authority: r.authority, delegationId: r.id, effectiveFrom: dateText(r.effective_from), document: r.document };
}

/** All counties (level 3) with their configured regimes, current regime today and the history. */
export async function listDelegations(ctx: AppContext, today: string) {
  const counties = (
    await sql<{ code: string; name: string; path: string; parent_name: string | null }>`
    select a.code, a.name, a.path, p.name as parent_name from core.area a left join core.area p on p.code = a.parent_code
    where a.level = 3 and a.active order by a.path`.execute(ctx.db)
  ).rows;
  const rows = (
    await sql<{
      id: string;
      county_code: string;
      authority: Authority;
      effective_from: string;
      document: string;
      note: string | null;
      is_demo: boolean;
      created_at: Date;
    }>`
    select id, county_code, authority, effective_from::text as effective_from, document, note, is_demo, created_at from dibao.delegation order by county_code, effective_from`.execute(
      ctx.db,
    )
  ).rows;
  return {
    today,
    items: counties.map((c) => {
      const history = rows
        .filter((r) => r.county_code === c.code)
        .map((r) => ({
          id: r.id,
          authority: r.authority,
          effectiveFrom: dateText(r.effective_from)!,
          document: r.document,
          note: r.note,
          isDemo: r.is_demo,
        }));
      const current = [...history].reverse().find((h) => h.effectiveFrom <= today);
      const upcoming = history.find((h) => h.effectiveFrom > today) ?? null;
      return {
        countyCode: c.code,
        countyName: c.name,
        cityName: c.parent_name,
        areaPath: c.path,
        authority: current?.authority ?? 'county',
        since: current?.effectiveFrom ?? null,
        document: current?.document ?? null,
        note: [...history].reverse().find((h) => h.note)?.note ?? null,
        upcoming,
        history,
      };
    }),
  };
}

export const AddDelegationInput = z.object({
  countyCode: z.string().regex(/^\d{6}$/, '县（区）代码应为 6 位数字'),
  authority: z.enum(['county', 'township'], { message: '审批层级须为县级确认或乡镇（街道）确认' }),
  effectiveFrom: z.iso.date('生效日期格式应为 YYYY-MM-DD'),
  document: z.string().trim().min(2, '请填写授权文件（文号或名称）').max(200, '授权文件不超过 200 字'),
  note: z.string().trim().max(500, '说明不超过 500 字').optional(),
});

/** Add a regime with an effective date; needs dibao.configure at the region or that county. */
export async function addDelegation(ctx: AppContext, actor: Actor, raw: unknown) {
  const input = parseInput(AddDelegationInput, raw);
  return withTx(ctx, async (tx) => {
    const county = await tx.db.selectFrom('core.area').select(['code', 'name', 'path', 'level']).where('code', '=', input.countyCode).executeTakeFirst();
    if (!county || county.level !== 3) throw badRequest('DIBAO_COUNTY_UNKNOWN', `「县（区）」${input.countyCode} 不是县级行政区划`, { field: 'countyCode' });
    const ok = grantsFor(actor, 'dibao.configure').some(
      (g) => g.scope === 'subtree' && pathWithin(county.path, g.areaPath) && g.areaPath.split('.').length <= 3,
    );
    if (!ok) throw forbidden(`只有自治区或${county.name}具有低保配置权限的人员才能设置审批权下放`);
    const dup = (
      await sql<{
        n: number;
      }>`select count(*)::int as n from dibao.delegation where county_code = ${input.countyCode} and effective_from = ${input.effectiveFrom}::date`.execute(
        tx.db,
      )
    ).rows[0]!.n;
    if (dup)
      throw new AppError('DIBAO_DELEGATION_EXISTS', 409, `${county.name}在 ${input.effectiveFrom} 已有一条审批权配置，请换一个生效日期`, {
        field: 'effectiveFrom',
      });
    const id = uuidv7();
    await sql`insert into dibao.delegation (id, county_code, authority, effective_from, document, note, created_by)
      values (${id}, ${input.countyCode}, ${input.authority}, ${input.effectiveFrom}::date, ${input.document}, ${input.note ?? null}, ${actor.userId})`.execute(
      tx.db,
    );
    await recordAudit(tx, {
      actor,
      action: 'dibao.delegation.add',
      entityType: 'dibao_delegation',
      entityId: id,
      after: input,
      areaCode: county.code,
      areaPath: county.path,
    });
    return { id, ...input };
  });
}

/**
 * The regimes of the 2019 report (民政厅2019年法治政府建设工作情况报告): 隆德县 piloted before 2019,
 * 兴庆区 and 平罗县 joined in 2019; 原州区, 沙坡头区, 海原县, 中宁县 were preparing. Dates and
 * document names are invented (示例). Idempotent.
 */
export const REPORT_REGIMES: ReadonlyArray<{ county: string; authority: Authority; from: string; document: string; note?: string }> = [
  { county: '640423', authority: 'township', from: '2018-07-01', document: '隆德县人民政府关于将低保审批权限下放乡镇的通知（示例）', note: '先行试点' },
  {
    county: '640104',
    authority: 'township',
    from: '2019-04-01',
    document: '兴庆区人民政府关于低保审批权限下放街道（乡镇）的通知（示例）',
    note: '2019 年纳入试点',
  },
  { county: '640221', authority: 'township', from: '2019-07-01', document: '平罗县人民政府关于低保审批权限下放乡镇的通知（示例）', note: '2019 年纳入试点' },
  ...['640402', '640502', '640522', '640521'].map((county) => ({
    county,
    authority: 'county' as const,
    from: '2019-01-01',
    document: '《宁夏回族自治区最低生活保障审核审批办法（试行）》县级确认（示例）',
    note: '准备下放',
  })),
];

export async function seedDelegations(ctx: AppContext): Promise<number> {
  let n = 0;
  for (const r of REPORT_REGIMES) {
    const exists = (await sql<{ code: string }>`select code from core.area where code = ${r.county}`.execute(ctx.db)).rows.length;
    if (!exists) continue;
    const res = await sql`insert into dibao.delegation (id, county_code, authority, effective_from, document, note, is_demo)
      values (${uuidv7()}, ${r.county}, ${r.authority}, ${r.from}::date, ${r.document}, ${r.note ?? null}, false) on conflict (county_code, effective_from) do nothing`.execute(
      ctx.db,
    );
    n += Number(res.numAffectedRows ?? 0);
  }
  return n;
}
