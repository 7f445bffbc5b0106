import { sql } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { createCase } from '../../../kernel/workflow/index.ts';
import { COMMUNITY_ERRORS, DUTY_TYPE } from '../contract.ts';
import { DutyRequestInput } from '../contracts/http.ts';
import { areaOf, countyOffice } from './area-of.ts';
import { dutyRows, listedFor, titleKey } from './duty-rows.ts';
import { outOfScope } from '../stations/register-station.ts';

/**
 * 依法准入: a department asks that communities of a county take on a new duty. The request names
 * its legal basis and the assigning office; it is held by the county's 民政局, which reviews it.
 * A duty already on the county's list, or already under review there, is refused (409).
 */
export async function requestDuty(ctx: AppContext, actor: Actor, raw: unknown, opts: { demo?: boolean; seq?: number } = {}) {
  const input = parseInput(DutyRequestInput, raw);
  const area = await areaOf(ctx, input.areaCode);
  const office = area.level === 3 ? await countyOffice(ctx, area.code) : undefined;
  if (!office) throw new AppError('COMMUNITY_AREA', 400, COMMUNITY_ERRORS.AREA_UNKNOWN(input.areaCode), { field: 'areaCode' });
  outOfScope(actor, 'community.request', office);
  return requestDutyAt(ctx, actor, office, input, opts);
}

/** The request at a given office (the county's 民政局; the 厅 for the region's own list). */
export async function requestDutyAt(
  ctx: AppContext,
  actor: Actor,
  office: { id: string; name: string; area_path: string },
  input: Omit<DutyRequestInput, 'areaCode'>,
  opts: { demo?: boolean; seq?: number } = {},
) {
  const key = titleKey(input.title);
  return withTx(ctx, async (tx) => {
    if ((await listedFor(tx, office.area_path)).some((d) => titleKey(d.title) === key))
      throw new AppError('COMMUNITY_DUTY_LISTED', 409, COMMUNITY_ERRORS.DUTY_LISTED(input.title), { field: 'title' });
    const pending = await dutyRows(tx, sql`c.type = ${DUTY_TYPE} and c.state = 'requested' and c.area_path = ${office.area_path} and d.title_key = ${key}`);
    if (pending.length) throw new AppError('COMMUNITY_DUTY_PENDING', 409, COMMUNITY_ERRORS.DUTY_PENDING(input.title), { field: 'title' });
    const row = await createCase(tx, actor, { type: DUTY_TYPE, title: input.title, orgUnitId: office.id });
    await sql`insert into community.duty (case_id, title, title_key, aspect, content, basis, assigning_office, seq, requested_by_name, reason, is_demo, created_at)
      values (${row.id}, ${input.title}, ${key}, ${input.aspect}, ${input.content}, ${input.basis}, ${input.assigningOffice}, ${opts.seq ?? null},
        ${actor.displayName}, ${input.reason}, ${!!opts.demo}, ${tx.clock.now()})`.execute(tx.db);
    return { id: row.id, refNo: row.ref_no, state: row.state };
  });
}
