import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { maskPersonName } from '../../../platform/crypto/pii.ts';
import type { CaseRow } from '../../../kernel/workflow/index.ts';
import { emitDibaoPosted, type DibaoPosted } from '../events.ts';

/** What a posted list shows of the household (第十五条): the applicant's name masked, sizes and the amount. */
export async function postedEntry(tx: AppContext, caseId: string): Promise<DibaoPosted['entry'] & { areaCode: string }> {
  const r = (
    await sql<{ applicant: string | null; size: number; insured: number; cents: number | null; area: string }>`
    select (select name from dibao.member where household_id = h.id and active order by (relation = '申请人') desc, created_at limit 1) as applicant,
      (select count(*)::int from dibao.member where household_id = h.id and active) as size,
      h.insured_persons as insured, h.benefit_cents as cents, h.area_code as area
    from dibao.application p join dibao.household h on h.id = p.household_id where p.case_id = ${caseId}`.execute(tx.db)
  ).rows[0]!;
  return {
    name: maskPersonName(r.applicant ?? ''),
    householdSize: Number(r.size),
    insuredPersons: Number(r.insured ?? 0),
    amountCents: r.cents === null ? null : Number(r.cents),
    areaCode: r.area,
  };
}

/** Tell the listeners (主动公开) that the household went on a 公示 or 公布 list in its village. */
export async function announcePosting(tx: AppContext, c: CaseRow, kind: DibaoPosted['kind'], sourceId: string, postedOn: string) {
  const { areaCode, ...entry } = await postedEntry(tx, c.id);
  const area = (await sql<{ name: string }>`select name from core.area where code = ${areaCode}`.execute(tx.db)).rows[0];
  await emitDibaoPosted(tx, { kind, sourceId, caseId: c.id, orgUnitId: c.org_unit_id, areaCode, areaName: area?.name ?? areaCode, postedOn, entry });
}
