import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { caseReadable } from '../../../kernel/workflow/index.ts';
import { PETITION_TYPE } from '../contract.ts';
import { petitionsDb } from '../db.ts';

/**
 * The petitions the annual report's 信访 paragraph counts, one row each: registered (登记,
 * `core.case.created_at`) in [start, end) by an org unit of the area itself — the reference
 * number carries the registering org's area code, `XF-<area>-<year>-<n>` — and readable by the
 * actor (the kernel's case read rule). Shared by the statistics page (petition-stats.ts) and the
 * report section (section.ts), so both count the same way:
 * - batches / persons: 来信 and 来访 only, visit_batch / visit_persons (blank → 1);
 * - transferred / assigned: handed on by an org unit of the area (core.case_handoff kind transfer 转送 / assign 交办);
 * - supervised: the area's org units issued a 督办 (core.case_supervision) on it;
 * - on_time: concluded with none of its deadline clocks missed (签收、督办反馈 aside), as the statistics' 按期办结.
 */
export function petitionReportRows(ctx: AppContext, actor: Actor, q: { start: Date; end: Date; areaCode: string }) {
  const byArea = (alias: string) => sql<boolean>`exists (select 1 from core.org_unit o where o.id = ${sql.ref(alias)} and o.area_code = ${q.areaCode})`;
  return petitionsDb(ctx.db)
    .selectFrom('core.case as c')
    .innerJoin('petitions.petition as p', 'p.case_id', 'c.id')
    .where('c.type', '=', PETITION_TYPE)
    .where(caseReadable(actor, 'petition.read'))
    .where('c.created_at', '>=', q.start)
    .where('c.created_at', '<', q.end)
    .where(sql<boolean>`split_part(c.ref_no, '-', 2) = ${q.areaCode}`)
    .select([
      'c.id as id',
      'c.terminal as terminal',
      'p.channel as channel',
      'p.source_body as source_body',
      sql<number>`case when p.channel in ('来信','来访') then coalesce(p.visit_batch, 1) else 0 end`.as('batches'),
      sql<number>`case when p.channel in ('来信','来访') then coalesce(p.visit_persons, 1) else 0 end`.as('persons'),
      sql<boolean>`(c.terminal and not exists (select 1 from core.deadline_clock k where k.case_id = c.id and k.state = 'missed' and k.kind = 'deadline'
        and k.name not like 'ack:%' and k.name not like 'supervise:%'))`.as('on_time'),
      sql<boolean>`exists (select 1 from core.case_handoff h where h.case_id = c.id and h.kind = 'transfer' and h.status <> 'withdrawn' and ${byArea('h.from_org_id')})`.as(
        'transferred',
      ),
      sql<boolean>`exists (select 1 from core.case_handoff h where h.case_id = c.id and h.kind = 'assign' and h.status <> 'withdrawn' and ${byArea('h.from_org_id')})`.as(
        'assigned',
      ),
      sql<boolean>`exists (select 1 from core.case_supervision s where s.case_id = c.id and ${byArea('s.from_org_id')})`.as('supervised'),
    ]);
}

export type PetitionReportRow = {
  id: string;
  terminal: boolean;
  channel: string;
  source_body: string | null;
  batches: number;
  persons: number;
  on_time: boolean;
  transferred: boolean;
  assigned: boolean;
  supervised: boolean;
};
