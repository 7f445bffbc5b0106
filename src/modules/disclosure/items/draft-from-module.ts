import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { SYSTEM_ACTOR } from '../../../kernel/identity/index.ts';
import { createItem } from './create-item.ts';

/** An item another module produced, as the feeds (feeds.ts) hand it over. */
export type FedItem = {
  /** The source record, unique: `normdocs:<case id>`, `dibao:公布:<publication id>` … */
  key: string;
  /** What produced it, shown as 来源: 规范性文件公布, 行政处罚决定 … */
  source: string;
  /** The console path of the source record. */
  link: string;
  orgUnitId: string;
  title: string;
  category: number;
  formedOn: string;
  /** The item's text; for a list, its heading (the lines follow). */
  summary: string;
  /** A posted list gathers its entries into one draft per list (village, kind, day) while it is not yet published. */
  list?: { key: string; line: string };
};

/**
 * 拟公开登记 of an item another module produced, without retyping: a draft (待审核发布) for the
 * generating office, with its 索引号, category, date formed, source and link; the 20-working-day
 * clock of 第二十六条 runs from the date formed, and 审核发布 stays the office's act. Runs in the
 * caller's transaction. Idempotent: a source record already fed returns its item; a list entry joins
 * the list's open draft (a list already published gets a new draft — the list changed).
 */
export async function draftFromModule(tx: AppContext, f: FedItem): Promise<{ id: string; created: boolean }> {
  return withTx(tx, async (t) => {
    await sql`select pg_advisory_xact_lock(hashtext('disclosure.item_source'), hashtext(${f.list?.key ?? f.key}))`.execute(t.db);
    const seen = (await sql<{ case_id: string }>`select case_id from disclosure.item_source where source_key = ${f.key}`.execute(t.db)).rows[0];
    if (seen) return { id: seen.case_id, created: false };
    const line = f.list?.line ?? f.summary;
    const open = f.list
      ? (
          await sql<{ case_id: string }>`select i.case_id from disclosure.item i join core.case c on c.id = i.case_id
            where i.list_key = ${f.list.key} and c.state = 'drafted' order by i.created_at desc limit 1`.execute(t.db)
        ).rows[0]
      : undefined;
    let id = open?.case_id;
    if (!id) {
      const office = (await sql<{ name: string }>`select name from core.org_unit where id = ${f.orgUnitId}`.execute(t.db)).rows[0];
      const item = await createItem(
        t,
        SYSTEM_ACTOR,
        {
          title: f.title,
          category: f.category,
          office: office?.name ?? '',
          formedOn: f.formedOn,
          summary: f.list ? `${f.summary}\n${line}` : f.summary,
          orgUnitId: f.orgUnitId,
        },
        { source: f.source, link: f.link, listKey: f.list?.key, system: true },
      );
      id = item.id;
    }
    await sql`insert into disclosure.item_source (source_key, case_id, line, created_at) values (${f.key}, ${id}, ${line}, ${t.clock.now()})`.execute(t.db);
    if (open) {
      const lines = (await sql<{ line: string }>`select line from disclosure.item_source where case_id = ${id} order by created_at, source_key`.execute(t.db))
        .rows;
      await sql`update disclosure.item set summary = ${[f.summary, ...lines.map((l) => l.line)].join('\n')} where case_id = ${id}`.execute(t.db);
    }
    return { id, created: !open };
  });
}
