import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError, badRequest, conflict } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { SYSTEM_ACTOR } from '../../../kernel/identity/index.ts';
import { createCase } from '../../../kernel/workflow/index.ts';
import { COMPLAINT_TYPE, HALL_ERRORS, NEGATIVE_LEVELS, indicatorsOf, starsOf, type Channel } from '../contract.ts';
import { RatingInput } from '../contracts/inputs.ts';
import '../complaint-workflow.ts';

/**
 * 好差评: one rating per finished service (一事一评 online, 一次一评 at the window), with every
 * indicator of its channel. A 差评 (不满意 / 非常不满意) needs a reason and opens a 差评整改 case at
 * the office that handled it (谁办理、谁负责). Runs in the caller's transaction or its own.
 */
export async function rateService(ctx: AppContext, caseId: string, raw: unknown, opts: { isDemo?: boolean } = {}) {
  const input = parseInput(RatingInput, raw);
  return withTx(ctx, async (tx) => {
    const a = (
      await sql<{
        channel: Channel;
        item_code: string;
        item_name: string;
        applicant: string;
        window: string;
        handled_by: string | null;
        handled_by_name: string | null;
        org_unit_id: string;
        area_path: string;
        terminal: boolean;
        state: string;
        rated: boolean;
      }>`
      select a.channel, a.item_code, a.item_name, a.applicant, a.service_window as window, a.handled_by, a.handled_by_name, c.org_unit_id, c.area_path, c.terminal, c.state,
        exists (select 1 from hall.rating r where r.application_id = a.case_id) as rated
      from hall.application a join core.case c on c.id = a.case_id where a.case_id = ${caseId} for update of a`.execute(tx.db)
    ).rows[0];
    if (!a) throw new AppError('HALL_NOT_FOUND', 404, HALL_ERRORS.NOT_FOUND);
    if (!a.terminal) throw conflict('HALL_NOT_FINISHED', HALL_ERRORS.NOT_FINISHED);
    if (a.rated) throw conflict('HALL_ALREADY_RATED', HALL_ERRORS.ALREADY_RATED);
    const wanted = indicatorsOf(a.channel);
    const missing = wanted.filter((k) => input.indicators[k] === undefined);
    const extra = Object.keys(input.indicators).filter((k) => !(wanted as readonly string[]).includes(k));
    if (missing.length || extra.length)
      throw badRequest('HALL_INDICATORS', `${HALL_ERRORS.INDICATORS}：${a.channel === '网上' ? '网上服务' : '现场服务'}的指标为${wanted.join('、')}`, {
        field: 'indicators',
      });
    const negative = NEGATIVE_LEVELS.includes(input.level);
    if (negative && !input.comment) throw badRequest('HALL_COMMENT_REQUIRED', HALL_ERRORS.COMMENT_REQUIRED, { field: 'comment' });
    const id = uuidv7();
    const now = tx.clock.now();
    await sql`insert into hall.rating (id, application_id, level, stars, negative, indicators, channel, comment, rated_at, rated_on, item_code, org_unit_id, area_path,
        service_window, handler_id, handler_name, is_demo)
      values (${id}, ${caseId}, ${input.level}, ${starsOf(input.level)}, ${negative}, ${JSON.stringify(input.indicators)}::jsonb, ${a.channel}, ${input.comment ?? null},
        ${now}, ${chinaDate(now)}, ${a.item_code}, ${a.org_unit_id}, ${a.area_path}, ${a.window}, ${a.handled_by}, ${a.handled_by_name}, ${opts.isDemo ?? false})`.execute(
      tx.db,
    );
    let complaint: { id: string; refNo: string } | null = null;
    if (negative) {
      const k = await createCase(tx, SYSTEM_ACTOR, {
        type: COMPLAINT_TYPE,
        title: `差评整改：${a.item_name}（${input.level}）`,
        orgUnitId: a.org_unit_id,
        system: true,
        comment: input.comment ?? null,
      });
      await sql`insert into hall.complaint (case_id, rating_id) values (${k.id}, ${id})`.execute(tx.db);
      await sql`update hall.rating set complaint_case_id = ${k.id} where id = ${id}`.execute(tx.db);
      complaint = { id: k.id, refNo: k.ref_no };
    }
    return { ratingId: id, level: input.level, negative, complaintRefNo: complaint?.refNo ?? null, complaintId: complaint?.id ?? null };
  });
}
