import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { userRef, type Actor } from '../../../kernel/identity/index.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { CATALOGUE_ERRORS } from '../contracts/catalogue.ts';
import { currentVersion } from '../queries/current-version.ts';
import { officeInScope, type OfficeRow } from '../commands/offices.ts';
import { checkListRows, type CatalogueItem, type CheckedRow } from './check-list-rows.ts';
import { storedListRows } from './list-import-files.ts';
import { LIST_HEADERS, MAX_LIST_ROWS } from './list-columns.ts';
import { errorWorkbook, readImportFile } from './xlsx-import.ts';

export type ListImportReport = {
  batchId: string;
  fileName: string;
  applied: boolean;
  rows: number;
  added: number;
  updated: number;
  rejectedRows: number;
  errors: Array<{ row: number; message: string }>;
};

/**
 * Write one checked row: the active row of this base code takes the catalogue's elements and the file's fields
 * ('updated'); a revoked one is restored, or a new row made ('added').
 */
async function writeRow(tx: AppContext, actor: Actor, office: OfficeRow, versionId: string, item: CatalogueItem, r: CheckedRow): Promise<'added' | 'updated'> {
  const f = r.fields!;
  const now = tx.clock.now();
  const existing = (
    await sql<{ id: string; status: string }>`select id, status from catalogue.implementation where office_id = ${office.id} and base_code = ${r.baseCode}
      order by (status = 'active') desc, created_at desc limit 1`.execute(tx.db)
  ).rows[0];
  const local = sql`accept_conditions = ${f.acceptConditions}, materials = ${JSON.stringify(f.materials)}, legal_days = ${f.legalDays},
    promise_days = ${f.promiseDays}, case_kind = ${f.caseKind}, depth = ${f.depth}, visits = ${f.visits}, fee = ${f.fee},
    service_window = ${f.serviceWindow}, in_hall = ${f.inHall}, updated_by_name = ${actor.displayName}, updated_at = ${now}`;
  if (existing) {
    await sql`update catalogue.implementation set status = 'active', version_id = ${versionId}, name = ${item.name}, type_code = ${item.type_code},
      legal_basis = ${item.legal_basis}, ${local} where id = ${existing.id}`.execute(tx.db);
    return existing.status === 'active' ? 'updated' : 'added';
  }
  await sql`insert into catalogue.implementation (id, office_id, org_unit_id, area_code, area_path, version_id, base_code, impl_code, name, type_code,
      legal_basis, case_kind, depth, visits, updated_by_name, updated_at, created_at)
    values (${randomUUID()}, ${office.id}, ${office.org_unit_id}, ${office.area_code}, ${office.area_path}, ${versionId}, ${r.baseCode},
      ${office.uscc + office.level + r.baseCode}, ${item.name}, ${item.type_code}, ${item.legal_basis}, ${f.caseKind}, ${f.depth}, ${f.visits},
      ${actor.displayName}, ${now}, ${now})`.execute(tx.db);
  await sql`update catalogue.implementation set ${local} where office_id = ${office.id} and base_code = ${r.baseCode} and status = 'active'`.execute(tx.db);
  return 'added';
}

/**
 * 导入实施清单: an office's list rows from an xlsx workbook, every row checked against the catalogue
 * in force (check-list-rows.ts). All or nothing: one bad row and nothing is written, the batch
 * keeps the errors and an error workbook; a clean file updates or adds every row in one
 * transaction. Rows of the list that the file does not name are left as they are.
 */
export async function importList(ctx: AppContext, actor: Actor, officeId: string, file: { fileName: string; bytes: Buffer }): Promise<ListImportReport> {
  const office = await officeInScope(ctx, actor, officeId, 'catalogue.list');
  const parsed = await readImportFile(file.bytes, LIST_HEADERS, MAX_LIST_ROWS);
  const version = await currentVersion(ctx.db, chinaDate(ctx.clock.now()));
  if (!version) throw new AppError('CATALOGUE_NO_PUBLISHED', 409, CATALOGUE_ERRORS.NO_PUBLISHED);
  const items = new Map(
    (
      await sql<CatalogueItem>`select base_code, name, type_code, legal_basis, levels from catalogue.item where version_id = ${version.id}`.execute(ctx.db)
    ).rows.map((i) => [i.base_code, i]),
  );
  const stored = new Map(
    (await storedListRows(ctx, office.id)).map((r) => [
      String(r['基本编码']),
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)])),
    ]),
  );
  const checked = checkListRows(parsed.rows, office, items, stored);
  const bad = checked.filter((r) => r.errors.length);
  const report = bad.length ? await errorWorkbook(parsed.header, bad) : null;
  const batchId = randomUUID();
  const counts = { added: 0, updated: 0 };
  const errors = bad.map((r) => ({ row: r.rowNo, message: r.errors.join('；') }));
  await withTx(ctx, async (tx) => {
    if (!bad.length) for (const r of checked) if (!r.unchanged) counts[await writeRow(tx, actor, office, version.id, items.get(r.baseCode)!, r)]++;
    await sql`insert into catalogue.list_import (id, office_id, org_unit_id, area_path, file_name, file_sha256, actor_id, actor_name, at, rows, applied,
        added, updated, errors, report)
      values (${batchId}, ${office.id}, ${office.org_unit_id}, ${office.area_path}, ${file.fileName.slice(0, 200)},
        ${createHash('sha256').update(file.bytes).digest('hex')}, ${userRef(actor)}, ${actor.displayName}, ${tx.clock.now()}, ${checked.length},
        ${!bad.length}, ${counts.added}, ${counts.updated}, ${JSON.stringify(errors.slice(0, 2000))}::jsonb, ${report})`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: 'catalogue.list.import',
      entityType: 'catalogue_office',
      entityId: office.id,
      areaPath: office.area_path,
      after: { batchId, fileName: file.fileName, rows: checked.length, applied: !bad.length, rejectedRows: bad.length, ...counts },
    });
  });
  return {
    batchId,
    fileName: file.fileName,
    applied: !bad.length,
    rows: checked.length,
    ...counts,
    rejectedRows: bad.length,
    errors: errors.slice(0, 500),
  };
}
