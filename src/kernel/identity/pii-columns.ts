import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { filesRoot, STORAGE_KEY, storedKid, walkStore } from '../../platform/files/file-store.ts';
import path from 'node:path';

/**
 * Where encrypted personal data lives: every text column named `*_enc` (the convention of
 * platform/crypto/pii.ts — users' phones and TOTP secrets, households' and petitioners' ID numbers
 * and phones, import reports…), found in the catalogue so a module's new column is never missed.
 * A table needs a one-column primary key to be re-encrypted row by row.
 */
export type EncColumn = { schema: string; table: string; column: string; pk: string };

export async function encryptedColumns(ctx: AppContext): Promise<EncColumn[]> {
  const r = await sql<{ schema: string; table: string; column: string; pk: string | null }>`
    select n.nspname as schema, c.relname as table, a.attname as column,
      (select string_agg(pa.attname, ',') from pg_index i
         join pg_attribute pa on pa.attrelid = i.indrelid and pa.attnum = any(i.indkey)
        where i.indrelid = c.oid and i.indisprimary) as pk
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and not c.relispartition and a.attnum > 0 and not a.attisdropped
      and a.attname like '%\\_enc' and a.atttypid = 'text'::regtype
      and n.nspname not in ('pg_catalog', 'information_schema')
    order by 1, 2, 3`.execute(ctx.db);
  return r.rows.map((x) => {
    if (!x.pk || x.pk.includes(',')) throw new Error(`${x.schema}.${x.table}：加密列 ${x.column} 所在表须有单列主键 / needs a one-column primary key`);
    return { ...x, pk: x.pk };
  });
}

export const tableOf = (c: EncColumn) => sql.table(`${c.schema}.${c.table}`);

/** How many values of each column are under each key id. */
export async function countValuesByKid(ctx: AppContext): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const c of await encryptedColumns(ctx)) {
    const r = await sql<{ kid: string; n: number }>`select split_part(${sql.ref(c.column)}, '.', 2) as kid, count(*)::int as n
      from ${tableOf(c)} where ${sql.ref(c.column)} like 's4.%' group by 1`.execute(ctx.db);
    for (const x of r.rows) out.set(x.kid, (out.get(x.kid) ?? 0) + x.n);
  }
  return out;
}

/** How many stored files are under each key id ('plain': written before encryption at rest). */
export async function countFilesByKid(ctx: AppContext): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for await (const { dir, name } of walkStore(filesRoot(ctx.config))) {
    if (!STORAGE_KEY.test(name)) continue;
    const kid = (await storedKid(path.join(dir, name))) ?? 'plain';
    out.set(kid, (out.get(kid) ?? 0) + 1);
  }
  return out;
}
