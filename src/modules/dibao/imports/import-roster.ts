import { createHash, randomFillSync } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import { loadExcelJS } from '../../../platform/load-exceljs.ts';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { piiKey } from '../../../platform/crypto/pii-key.ts';
import { encryptManyWithKey, encryptWithKey } from '../../../platform/crypto/pii.ts';
import { sm3Hex } from '../../../platform/crypto/sm3.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { requirePermission, userRef, type Actor, recordInScope } from '../../../kernel/identity/index.ts';

import { moneyDb } from '../money/db.ts';
import { groupHouseholds, readImportFile, validateRows, type ParsedFile, type RowCheck, type ValidRow } from './parse-import.ts';

export const idHashOf = (id: string) => sm3Hex(`resident-id:${id}`);
export const maskId = (id: string) => id.slice(0, 3) + '*'.repeat(id.length - 7) + id.slice(-4);

export type ImportReport = {
  batchId: string;
  fileName: string;
  alreadyImported: boolean;
  earlier?: { batchId: string; at: string; fileName: string; actorName: string | null };
  rows: number;
  households: number;
  members: number;
  acceptedRows: number;
  rejectedRows: number;
  acceptedHouseholds: number;
  hasErrorReport: boolean;
  errors: Array<{ row: number; message: string }>;
};

const CHUNK = 5000;

/**
 * UUIDv7 ids for a bulk insert from one random draw (uuidv7() draws twice per id, which
 * dominated the import's CPU time on a loaded machine). Same layout: 48-bit ms time, version 7,
 * a rising counter in rand_a, variant bits, random rest.
 */
export function bulkUuidv7(n: number, now = Date.now()): string[] {
  const rnd = randomFillSync(Buffer.alloc(n * 8)).toString('hex');
  const ts = now.toString(16).padStart(12, '0');
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const r = rnd.slice(i * 16, i * 16 + 16);
    const variant = ((parseInt(r[0]!, 16) & 0x3) | 0x8).toString(16);
    out[i] = `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7${(i & 0xfff).toString(16).padStart(3, '0')}-${variant}${r.slice(1, 4)}-${r.slice(4, 16)}`;
  }
  return out;
}

/**
 * 存量名册导入: validate every row, commit the valid households (active, source 'import', members,
 * benefit_change 存量) in one transaction with multi-row inserts (UNNEST, CHUNK rows a statement),
 * keep the per-row errors and an encrypted copy of the file with a 错误说明 column.
 * The same file again (SHA-256) changes nothing and names the earlier batch; a person already
 * active in a household (natural key: 身份证号) is refused row by row, so overlapping files are safe too.
 */
export async function importRoster(ctx: AppContext, actor: Actor, file: { fileName: string; bytes: Buffer }): Promise<ImportReport> {
  requirePermission(actor, 'dibao.import');
  const sha = createHash('sha256').update(file.bytes).digest('hex');
  const db = moneyDb(ctx.db);
  const earlier = await db.selectFrom('dibao.import_batch').selectAll().where('file_sha256', '=', sha).orderBy('at').executeTakeFirst();
  if (earlier) {
    return {
      ...batchReport(earlier),
      alreadyImported: true,
      hasErrorReport: false,
      errors: [],
      earlier: { batchId: earlier.id, at: new Date(earlier.at).toISOString(), fileName: earlier.file_name, actorName: earlier.actor_name },
    };
  }
  const parsed = await readImportFile(file.fileName, file.bytes);
  const today = chinaDate(ctx.clock.now());
  // Only the areas the file names (a national tree has tens of thousands at level 3 and below).
  const named = [...new Set(parsed.rows.map((r) => r.values['户籍地区划代码']).filter((c): c is string => !!c))];
  const areas = new Map(
    (
      await sql<{ code: string; name: string; path: string; level: number }>`select code, name, path, level from core.area
        where level >= 3 and code = any(${named}::text[])`.execute(ctx.db)
    ).rows.map((a) => [a.code, a]),
  );
  const areaCheck = (code: string) => {
    const a = areas.get(code);
    if (!a) return `「户籍地区划代码」${code} 不是已知的县（区）、乡镇（街道）或村（社区）代码`;
    if (!recordInScope(actor, 'dibao.import', { areaPath: a.path })) return `「户籍地区划代码」${code}（${a.name}）不在您的管辖范围内`;
    return null;
  };
  const checks = validateRows(parsed.rows, { today, area: areaCheck });
  const hashes = new Map<string, string>();
  await markExisting(ctx, actor, checks, hashes);
  const households = groupHouseholds(checks);
  const batchId = uuidv7();
  const accepted = households.reduce((s, h) => s + h.members.length, 0);
  const rejected = checks.filter((c) => c.errors.length).length;
  const persons = new Set(checks.map((c) => (c.row?.id ?? c.values['身份证号'] ?? '').toUpperCase()).filter(Boolean)).size;
  const householdsInFile = new Set(checks.map((c) => (c.values['户主身份证号'] ?? '').toUpperCase() || `#${c.rowNo}`)).size;
  const report = rejected ? await errorWorkbook(parsed, checks) : null;
  const key = (await piiKey(ctx)).key;

  await withTx(ctx, async (tx) => {
    await moneyDb(tx.db)
      .insertInto('dibao.import_batch')
      .values({
        id: batchId,
        file_name: file.fileName.slice(0, 200),
        file_sha256: sha,
        file_kind: parsed.kind,
        org_unit_id: actor.orgUnitId,
        area_path: actor.areaPath,
        actor_id: userRef(actor),
        actor_name: actor.displayName,
        at: tx.clock.now(),
        rows: checks.length,
        households: householdsInFile,
        members: persons,
        accepted_rows: accepted,
        rejected_rows: rejected,
        accepted_households: households.length,
        report_enc: report ? encryptWithKey(key, report.toString('base64')) : null,
      })
      .execute();
    await insertHouseholds(tx, batchId, households, areas, key, userRef(actor), hashes);
    const errs = checks.filter((c) => c.errors.length);
    for (let i = 0; i < errs.length; i += CHUNK) {
      const part = errs.slice(i, i + CHUNK);
      await sql`insert into dibao.import_row_error (batch_id, row_no, message)
        select ${batchId}, * from unnest(${part.map((c) => c.rowNo)}::int[], ${part.map((c) => c.errors.join('；'))}::text[])`.execute(tx.db);
    }
    await recordAudit(tx, {
      actor,
      action: 'dibao.import',
      entityType: 'dibao_import_batch',
      entityId: batchId,
      after: {
        fileName: file.fileName,
        sha256: sha,
        rows: checks.length,
        acceptedRows: accepted,
        rejectedRows: rejected,
        acceptedHouseholds: households.length,
      },
    });
  });
  return {
    batchId,
    fileName: file.fileName,
    alreadyImported: false,
    rows: checks.length,
    households: householdsInFile,
    members: persons,
    acceptedRows: accepted,
    rejectedRows: rejected,
    acceptedHouseholds: households.length,
    hasErrorReport: !!report,
    errors: checks
      .filter((c) => c.errors.length)
      .slice(0, 500)
      .map((c) => ({ row: c.rowNo, message: c.errors.join('；') })),
  };
}

/**
 * Persons already active in a (verified) 低保 household are refused (imported earlier: 已导入过 with
 * the batch). Which household — area, 户主, batch — only within the importer's own scope.
 * Two steps: which of the file's persons are active somewhere (one index probe each), then the
 * households of those only (usually none). In one query the per-household subqueries made the
 * planner's estimate large enough for JIT compilation: 0.7 s a chunk once the table held rows.
 */
async function markExisting(ctx: AppContext, actor: Actor, checks: RowCheck[], hashes: Map<string, string>): Promise<void> {
  const byHash = new Map<string, RowCheck>();
  for (const c of checks)
    if (c.row) {
      const h = idHashOf(c.row.id);
      hashes.set(c.row.id, h);
      byHash.set(h, c);
    }
  const all = [...byHash.keys()];
  const found: Array<{ id_hash: string; household_id: string }> = [];
  for (let i = 0; i < all.length; i += CHUNK) {
    const part = all.slice(i, i + CHUNK);
    found.push(
      ...(
        await sql<{ id_hash: string; household_id: string }>`select id_hash, household_id from dibao.member
          where active and not unverified and id_hash = any(${part}::text[])`.execute(ctx.db)
      ).rows,
    );
  }
  const households = new Map<string, { area_path: string; area_name: string; head: string | null; batch_at: Date | null; batch_file: string | null }>();
  const ids = [...new Set(found.map((f) => f.household_id))];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = (
      await sql<{ id: string; area_path: string; area_name: string; head: string | null; batch_at: Date | null; batch_file: string | null }>`
      select h.id, h.area_path, a.name as area_name,
             (select hm.name from dibao.member hm where hm.household_id = h.id and hm.relation = '申请人' and hm.active limit 1) as head,
             b.at as batch_at, b.file_name as batch_file
      from dibao.household h join core.area a on a.code = h.area_code
      left join lateral (select ib.at, ib.file_name from dibao.benefit_change bc join dibao.import_batch ib on ib.id = bc.import_batch_id
                         where bc.household_id = h.id and bc.kind = '存量' order by bc.at limit 1) b on true
      where h.id = any(${ids.slice(i, i + CHUNK)}::uuid[])`.execute(ctx.db)
    ).rows;
    for (const r of rows) households.set(r.id, r);
  }
  for (const f of found) {
    const r = households.get(f.household_id)!;
    const c = byHash.get(f.id_hash)!;
    c.errors.push(
      !recordInScope(actor, 'dibao.read', { areaPath: r.area_path })
        ? '此人已在其他地区纳入低保家庭，一人只能在一个有效家庭中，请与其所在县（区）民政部门核实'
        : r.batch_at
          ? `已导入过（${chinaDate(r.batch_at)} 批次《${r.batch_file}》，户主 ${r.head ?? '—'}）`
          : `该人员已在低保家庭中（${r.area_name}，户主 ${r.head ?? '—'}），一人只能在一个有效家庭中`,
    );
    c.row = null;
  }
}

async function insertHouseholds(
  tx: AppContext,
  batchId: string,
  households: Array<{ head: ValidRow; members: ValidRow[] }>,
  areas: Map<string, { path: string }>,
  key: Buffer,
  actorId: string | null,
  hashes: Map<string, string>,
): Promise<void> {
  // One statement in flight while the next one's rows are built (and their IDs encrypted):
  // the database and this process work side by side, in the same order as one after another.
  let pending: Promise<unknown> | null = null;
  for (const stmt of householdStatements(tx, batchId, households, areas, key, actorId, hashes)) {
    if (pending) await pending;
    pending = stmt.execute(tx.db);
  }
  if (pending) await pending;
}

/** The multi-row inserts of an import, chunk by chunk, built only when asked for. */
function* householdStatements(
  tx: AppContext,
  batchId: string,
  households: Array<{ head: ValidRow; members: ValidRow[] }>,
  areas: Map<string, { path: string }>,
  key: Buffer,
  actorId: string | null,
  hashes: Map<string, string>,
): Generator<RawBuilder<unknown>> {
  const now = tx.clock.now();
  for (let i = 0; i < households.length; i += CHUNK) {
    const hIds = bulkUuidv7(Math.min(CHUNK, households.length - i), now.getTime());
    const part = households.slice(i, i + CHUNK).map((h, k) => ({ id: hIds[k]!, ...h }));
    const hh = part.map((h) => h.head.household!);
    yield sql`insert into dibao.household (id, area_code, area_path, kind, address, status, benefit_cents, insured_persons, benefit_from, source, created_at, updated_at)
      select id, area_code, area_path, kind, address, 'active', benefit_cents, insured_persons, benefit_from, 'import', ${now}, ${now}
      from unnest(${part.map((h) => h.id)}::uuid[], ${hh.map((h) => h.areaCode)}::text[], ${hh.map((h) => areas.get(h.areaCode)!.path)}::text[],
                  ${hh.map((h) => h.kind)}::text[], ${hh.map((h) => h.address)}::text[], ${hh.map((h) => h.amountCents)}::int[],
                  ${hh.map((h) => h.insuredPersons)}::int[], ${hh.map((h) => h.benefitFrom)}::date[])
        as t(id, area_code, area_path, kind, address, benefit_cents, insured_persons, benefit_from)`;
    const ms = part.flatMap((h) => h.members.map((m) => ({ hid: h.id, area: h.head.household!.areaCode, m })));
    for (let j = 0; j < ms.length; j += CHUNK * 2) {
      const mp = ms.slice(j, j + CHUNK * 2);
      yield sql`insert into dibao.member (id, household_id, name, id_number_enc, id_number_masked, id_hash, relation, sex, birth_date, hukou_area_code, insured, created_at)
        select id, household_id, name, id_enc, id_masked, id_hash, relation, sex, birth_date, hukou, insured, ${now}
        from unnest(${bulkUuidv7(mp.length, now.getTime())}::uuid[], ${mp.map((x) => x.hid)}::uuid[], ${mp.map((x) => x.m.name)}::text[],
                    ${encryptManyWithKey(
                      key,
                      mp.map((x) => x.m.id),
                    )}::text[], ${mp.map((x) => maskId(x.m.id))}::text[], ${mp.map((x) => hashes.get(x.m.id) ?? idHashOf(x.m.id))}::text[],
                    ${mp.map((x) => x.m.relation)}::text[], ${mp.map((x) => x.m.sex)}::text[], ${mp.map((x) => x.m.birthDate)}::date[],
                    ${mp.map((x) => x.area)}::text[], ${mp.map((x) => x.m.insured)}::boolean[])
          as t(id, household_id, name, id_enc, id_masked, id_hash, relation, sex, birth_date, hukou, insured)`;
    }
    yield sql`insert into dibao.benefit_change (id, household_id, kind, before_cents, after_cents, insured_before, insured_after, effective_month, reason, import_batch_id, actor_id, at)
      select id, household_id, '存量', 0, after_cents, 0, insured_after, effective_month, '存量名册导入', ${batchId}, ${actorId}, ${now}
      from unnest(${bulkUuidv7(part.length, now.getTime())}::uuid[], ${part.map((h) => h.id)}::uuid[], ${hh.map((h) => h.amountCents)}::int[],
                  ${hh.map((h) => h.insuredPersons)}::int[], ${hh.map((h) => h.benefitFrom)}::date[])
        as t(id, household_id, after_cents, insured_after, effective_month)`;
    yield sql`insert into dibao.household_change (id, household_id, at, actor_id, kind, summary)
      select id, household_id, ${now}, ${actorId}, 'import', '存量名册导入建档'
      from unnest(${bulkUuidv7(part.length, now.getTime())}::uuid[], ${part.map((h) => h.id)}::uuid[]) as t(id, household_id)`;
  }
}

/** A copy of the file (same columns, same rows) with 错误说明 added; rows imported say 已导入. */
async function errorWorkbook(parsed: ParsedFile, checks: RowCheck[]): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  const ws = wb.addWorksheet('导入结果');
  const header = parsed.header.filter(Boolean);
  ws.columns = [...header.map((h) => ({ header: h, key: h, width: Math.max(10, h.length * 2 + 2) })), { header: '错误说明', key: '__err', width: 60 }];
  ws.getRow(1).font = { bold: true };
  for (const c of checks) {
    const row = ws.addRow({ ...c.values, __err: c.errors.length ? c.errors.join('；') : '已导入' });
    header.forEach((_, i) => {
      row.getCell(i + 1).numFmt = '@';
    });
    if (c.errors.length) row.getCell(header.length + 1).font = { color: { argb: 'FFC00000' } };
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function batchReport(b: {
  id: string;
  file_name: string;
  rows: number;
  households: number;
  members: number;
  accepted_rows: number;
  rejected_rows: number;
  accepted_households: number;
}) {
  return {
    batchId: b.id,
    fileName: b.file_name,
    rows: b.rows,
    households: b.households,
    members: b.members,
    acceptedRows: b.accepted_rows,
    rejectedRows: b.rejected_rows,
    acceptedHouseholds: b.accepted_households,
  };
}
