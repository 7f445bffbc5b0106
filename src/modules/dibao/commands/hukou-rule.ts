import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { readDibaoSettings } from '../settings.ts';

/**
 * 户籍地 rule (《社会救助暂行办法》第十一条(一):向户籍所在地的乡镇人民政府、街道办事处提出): the
 * applicant's 户籍地, when given, must lie in the township registering the application (a county-level
 * 户籍地: in its county). Without a 户籍地 the application's area is the one declared (the portal asks
 * for the 户籍所在村(社区)). Where a local rule allows it, setting applyAtResidence accepts the
 * township of 经常居住地 instead. The refusal names the township (or county) to apply to.
 */
export async function mustApplyAtHukou(ctx: AppContext, hukouAreaCode: string | undefined, townshipCode: string, countyCode: string, memberIndex: number) {
  if (!hukouAreaCode) return;
  const hukouTownship = hukouAreaCode.length >= 9 ? hukouAreaCode.slice(0, 9) : null;
  const hukouCounty = hukouAreaCode.slice(0, 6);
  const same = hukouTownship ? hukouTownship === townshipCode : hukouCounty === countyCode;
  if (same || (await readDibaoSettings(ctx.db)).applyAtResidence) return;
  const code = hukouTownship ?? hukouCounty;
  const place = (
    await sql<{ area: string | null; office: string | null; county: string | null }>`select a.name as area,
      (select o.name from core.org_unit o where o.area_code = ${code} and o.kind = 'township_office' and o.active limit 1) as office,
      (select c.name from core.area c where c.code = ${hukouCounty}) as county
    from (select 1) x left join core.area a on a.code = ${code}`.execute(ctx.db)
  ).rows[0]!;
  const where = hukouTownship
    ? `${place.county ?? ''}${place.office ?? place.area ?? hukouTownship}`
    : `${place.county ?? hukouCounty}的乡镇人民政府（街道办事处）`;
  throw new AppError(
    'DIBAO_NOT_HUKOU_TOWNSHIP',
    409,
    `申请人户籍在${place.county ?? ''}${hukouTownship ? (place.area ?? hukouTownship) : ''}，应向户籍所在地${where}提出申请（《社会救助暂行办法》第十一条（一））；本乡镇（街道）不予登记`,
    { field: `members.${memberIndex}.hukouAreaCode`, township: code, name: hukouTownship ? (place.office ?? place.area) : place.county },
  );
}
