import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { CATALOGUE_ERRORS } from '../contracts/catalogue.ts';

const HEAD = sql`v.id, v.number, v.title, v.effective_on::text as "effectiveOn", v.status, v.note, v.drafted_by_name as "draftedBy",
  v.reviewed_by_name as "reviewedBy", v.reviewed_at as "reviewedAt", v.review_note as "reviewNote",
  (select count(*)::int from catalogue.item i where i.version_id = v.id) as "itemCount"`;

/** Every catalogue version, newest first (region-wide reference data). */
export async function listVersions(ctx: AppContext) {
  return (await sql<Record<string, unknown>>`select ${HEAD} from catalogue.version v order by v.number desc`.execute(ctx.db)).rows;
}

/** One version with its items. */
export async function getVersion(ctx: AppContext, id: string) {
  const v = (await sql<Record<string, unknown>>`select ${HEAD} from catalogue.version v where v.id = ${id}`.execute(ctx.db)).rows[0];
  if (!v) throw new AppError('CATALOGUE_VERSION_NOT_FOUND', 404, CATALOGUE_ERRORS.VERSION_NOT_FOUND);
  const items = await sql<Record<string, unknown>>`select base_code as "baseCode", parent_code as "parentCode", kind, name, type_code as "typeCode",
    legal_basis as "legalBasis", levels from catalogue.item where version_id = ${id} order by sort, base_code`.execute(ctx.db);
  return { ...v, items: items.rows };
}
