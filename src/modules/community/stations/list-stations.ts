import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { caseNotFound, caseReadable } from '../../../kernel/workflow/index.ts';
import { STATION_KINDS, STATION_TYPE } from '../contract.ts';
import { stationDto, stationRows } from './station-rows.ts';

export const ListStationsQuery = z.object({
  q: z.string().trim().max(60, '「q」不超过 60 字').optional(),
  kind: z.enum(STATION_KINDS, { message: '「kind」应为 urban 或 rural' }).optional(),
  county: z
    .string()
    .regex(/^64\d{4}$/, '「county」应为6位县级代码')
    .optional(),
  page: z.coerce.number({ message: '「page」须为页码' }).int().min(1, '「page」须为页码').default(1),
  pageSize: z.coerce.number({ message: '「pageSize」须为每页条数' }).int().min(1).max(200, '「pageSize」不超过 200').default(20),
});

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/** The station cases the actor may read (the kernel's case read rule), as a subquery of ids. */
export const readableStations = (ctx: AppContext, actor: Actor) =>
  ctx.db.selectFrom('core.case as c').select('c.id').where('c.type', '=', STATION_TYPE).where(caseReadable(actor, 'community.read'));

/** 服务站台账: by name, community or address; by kind and county; within the actor's scope. */
export async function listStations(ctx: AppContext, actor: Actor, q: z.infer<typeof ListStationsQuery>) {
  const like = q.q ? `%${escapeLike(q.q)}%` : null;
  const where = sql`c.id in (${readableStations(ctx, actor)})
    and (${like}::text is null or s.name like ${like} or s.community like ${like} or s.township like ${like} or s.address like ${like} or c.ref_no like ${like})
    and (${q.kind ?? null}::text is null or s.kind = ${q.kind ?? null})
    and (${q.county ?? null}::text is null or s.county_code = ${q.county ?? null})`;
  const total = Number(
    (await sql<{ n: number }>`select count(*)::int as n from community.station s join core.case c on c.id = s.case_id where ${where}`.execute(ctx.db)).rows[0]!
      .n,
  );
  const items = (await stationRows(ctx, where, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize })).map(stationDto);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** One station with its photos (the case's image attachments). */
export async function getStation(ctx: AppContext, actor: Actor, id: string) {
  const ok = await ctx.db
    .selectFrom('core.case as c')
    .select('c.id')
    .where('c.id', '=', id)
    .where('c.type', '=', STATION_TYPE)
    .where(caseReadable(actor, 'community.read'))
    .executeTakeFirst();
  const row = ok && (await stationRows(ctx, sql`c.id = ${id}`))[0];
  if (!row) throw caseNotFound();
  const photos = await ctx.db
    .selectFrom('core.attachment')
    .select(['id', 'file_name'])
    .where('case_id', '=', id)
    .where('mime_type', 'like', 'image/%')
    .orderBy('uploaded_at')
    .execute();
  return {
    ...stationDto(row),
    orgUnitName: row.org_name,
    photos: photos.map((p) => ({ id: p.id, fileName: p.file_name, url: `/api/cases/${id}/attachments/${p.id}` })),
  };
}
