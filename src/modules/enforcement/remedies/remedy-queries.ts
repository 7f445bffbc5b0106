import { sql, type ColumnType, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { inScope, type Actor } from '../../../kernel/identity/index.ts';
import { ENFORCEMENT_PERMISSIONS as P } from '../contracts/labels.ts';
import type { ListCoercionsQuery, ListRemediesQuery } from '../contracts/remedy-inputs.ts';
import type { CoercionMeasure, RemedyKind, RemedyMatter, RemedyResult } from '../contracts/remedy-labels.ts';

type D = ColumnType<string, string, string>;
type Scoped = { id: string; org_unit_id: string; area_path: string };
export interface RemedyTables {
  'enforcement.remedy': Scoped & {
    kind: RemedyKind;
    after_review: boolean;
    matter: RemedyMatter;
    decision_case_id: string | null;
    decision_text: string | null;
    applicant: string;
    body: string;
    case_no: string | null;
    accepted_on: D;
    result: RemedyResult;
    result_on: D | null;
    result_note: string | null;
  };
  'enforcement.coercion': Scoped & {
    penalty_case_id: string | null;
    party: string;
    measure: CoercionMeasure;
    object: string;
    basis: string;
    document_no: string | null;
    decided_on: D;
  };
}
export const remedyDb = (db: Kysely<DB>) => db as unknown as Kysely<DB & RemedyTables>;

const count = async (b: { clearSelect: () => any }) =>
  Number(
    (
      await b
        .clearSelect()
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** 行政复议 / 行政诉讼 cases in the actor's scope, newest 受理 first. */
export async function listRemedies(ctx: AppContext, actor: Actor, q: z.infer<typeof ListRemediesQuery>) {
  let b = remedyDb(ctx.db)
    .selectFrom('enforcement.remedy as r')
    .innerJoin('core.org_unit as u', 'u.id', 'r.org_unit_id')
    .leftJoin('core.case as c', 'c.id', 'r.decision_case_id')
    .where(inScope(actor, P.read, { areaPath: 'r.area_path', orgUnitId: 'r.org_unit_id' }))
    .select([
      'r.id',
      'r.org_unit_id as orgUnitId',
      'u.name as org',
      'r.area_path as areaPath',
      'r.kind',
      'r.after_review as afterReview',
      'r.matter',
      'r.decision_case_id as decisionCaseId',
      'c.ref_no as decisionRefNo',
      'r.decision_text as decisionText',
      'r.applicant',
      'r.body',
      'r.case_no as caseNo',
      sql<string>`r.accepted_on::text`.as('acceptedOn'),
      'r.result',
      sql<string | null>`r.result_on::text`.as('resultOn'),
      'r.result_note as resultNote',
    ]);
  if (q.kind) b = b.where('r.kind', '=', q.kind);
  if (q.result) b = b.where('r.result', '=', q.result);
  if (q.id) b = b.where('r.id', '=', q.id);
  if (q.year) b = b.where(sql<boolean>`extract(year from r.accepted_on) = ${q.year}`);
  const total = await count(b);
  const items = await b
    .orderBy('r.accepted_on', 'desc')
    .orderBy('r.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items, total };
}

/** 行政强制 decisions in the actor's scope, newest first. */
export async function listCoercions(ctx: AppContext, actor: Actor, q: z.infer<typeof ListCoercionsQuery>) {
  let b = remedyDb(ctx.db)
    .selectFrom('enforcement.coercion as k')
    .innerJoin('core.org_unit as u', 'u.id', 'k.org_unit_id')
    .leftJoin('core.case as c', 'c.id', 'k.penalty_case_id')
    .where(inScope(actor, P.read, { areaPath: 'k.area_path', orgUnitId: 'k.org_unit_id' }))
    .select([
      'k.id',
      'k.org_unit_id as orgUnitId',
      'u.name as org',
      'k.area_path as areaPath',
      'k.penalty_case_id as penaltyCaseId',
      'c.ref_no as penaltyRefNo',
      'k.party',
      'k.measure',
      'k.object',
      'k.basis',
      'k.document_no as documentNo',
      sql<string>`k.decided_on::text`.as('decidedOn'),
    ]);
  if (q.id) b = b.where('k.id', '=', q.id);
  if (q.year) b = b.where(sql<boolean>`extract(year from k.decided_on) = ${q.year}`);
  const total = await count(b);
  const items = await b
    .orderBy('k.decided_on', 'desc')
    .orderBy('k.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items, total };
}
