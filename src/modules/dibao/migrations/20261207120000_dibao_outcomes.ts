import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Issue 10 (C1), 低保 outcomes:
 * - dibao.setting: the basis (source) of each setting and whether its legal text was verified;
 *   an unverified eligibility limit is only a warning (commands/eligibility.ts).
 * - dibao.application: which 公示 round ended (confirm needs a completed 公示), and who approved the
 *   special 45-working-day period and when.
 * - dibao.recheck: the township's report (proposal), the income class decided at the re-check, the
 *   level that decided, 渐退 as a result.
 */
export const dibaoOutcomes: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table dibao.setting add column source text, add column verified boolean`.execute(db);
    await sql`alter table dibao.application add column publicity_ended_round integer, add column special_approved_by uuid,
      add column special_approved_on date`.execute(db);
    await sql`alter table dibao.recheck drop constraint if exists recheck_result_check`.execute(db);
    await sql`alter table dibao.recheck add constraint recheck_result_check check (result in ('不变','调整','停发','渐退')),
      add column proposal jsonb, add column income_class text check (income_class in ('稳定','不固定')),
      add column decided_level text check (decided_level in ('county','township')), add column decided_by uuid, add column opinion text,
      add column gradual_exit_until date`.execute(db);
    // Cases that reached 待确认 through 公示期满 before this migration: their last round ended.
    await sql`update dibao.application a set publicity_ended_round = a.publicity_round where a.publicity_round > 0 and exists (
      select 1 from core.case_event e where e.case_id = a.case_id and e.transition = 'end_publicity')`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table dibao.recheck drop column proposal, drop column income_class, drop column decided_level, drop column decided_by,
      drop column opinion, drop column gradual_exit_until`.execute(db);
    await sql`alter table dibao.recheck drop constraint if exists recheck_result_check`.execute(db);
    await sql`alter table dibao.recheck add constraint recheck_result_check check (result in ('不变','调整','停发'))`.execute(db);
    await sql`alter table dibao.application drop column publicity_ended_round, drop column special_approved_by, drop column special_approved_on`.execute(db);
    await sql`alter table dibao.setting drop column source, drop column verified`.execute(db);
  },
};
