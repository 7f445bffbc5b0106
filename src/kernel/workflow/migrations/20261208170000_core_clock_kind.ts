import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Clock kinds: a deadline to act by (`deadline`, the default — 受理期限, 办理期限 …) or a period that
 * must elapse (`period` — 公示期, 异议期, a window for the other side): a period that has run out is
 * 期满, never overdue, and stays out of 按期/超期 statistics.
 */
export const coreClockKind: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table core.deadline_clock add column kind text not null default 'deadline' check (kind in ('deadline', 'period'))`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table core.deadline_clock drop column kind`.execute(db);
  },
};
