import { sql } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { chinaMidnight } from '../../../platform/china-time.ts';
import { demoActor, demoUnit, demoUnits, type Actor } from '../../../kernel/identity/index.ts';
import { applyTransition } from '../../../kernel/workflow/index.ts';
import { requestDutyAt } from '../duties/request-duty.ts';
import { DUTY_LIST_TITLE } from '../contract.ts';
import { insertStation, stationPlace } from '../stations/register-station.ts';
import { DEMO_DUTIES, DEMO_DUTY_REQUESTS } from './demo-duties.ts';
import { demoStations } from './demo-stations.ts';

const PERMISSIONS = ['community.read', 'community.register', 'community.request', 'community.admit'];

/**
 * The 城乡社区 demo (idempotent): the report's 529 stations (69 城市, 460 农村) over the 22 counties,
 * registered on their building day at the county's 民政局; the 60-item duty list admitted by the 厅
 * on 2019-06-28; four 准入 requests (one admitted, one refused, two under review).
 */
export async function seedCommunityDemo(ctx: AppContext): Promise<{ stations: number; duties: number }> {
  if ((await sql`select 1 from community.station where is_demo limit 1`.execute(ctx.db)).rows.length) return { stations: 0, duties: 0 };
  const orgs = await demoUnits(ctx);
  const actorAt = (code: string): Actor => {
    const o = demoUnit(orgs, code);
    return demoActor(o, { displayName: `${o.name}（演示）`, permissions: PERMISSIONS, assignmentId: `demo-${code}-community` });
  };
  const at = (day: string) => ({ now: () => new Date(chinaMidnight(day).getTime() + 10 * 3600_000) });
  const townships = new Map<string, Array<{ code: string; name: string }>>();
  for (const a of await ctx.db.selectFrom('core.area').select(['code', 'name', 'parent_code']).where('level', '=', 4).orderBy('code').execute()) {
    if (!a.parent_code) continue;
    townships.set(a.parent_code, [...(townships.get(a.parent_code) ?? []), { code: a.code, name: a.name }]);
  }
  const stations = demoStations(townships);
  return withTx(ctx, async (tx) => {
    // The generator puts every point inside its county (demo-stations.ts): the place is looked up once per county.
    const places = new Map<string, Awaited<ReturnType<typeof stationPlace>>>();
    for (const s of stations) {
      const cx = { ...tx, clock: at(s.establishedOn) };
      const county = s.areaCode.slice(0, 6);
      const place = places.get(county) ?? (await stationPlace(cx, s));
      places.set(county, place);
      await insertStation(cx, actorAt(`${county}-mzj`), s, place, true);
    }
    const region = actorAt('640000-mzt-jczq');
    const office = orgs.get('640000-mzt-jczq')!;
    const listDay = { ...tx, clock: at('2019-06-28') };
    for (const [i, d] of DEMO_DUTIES.entries()) {
      const r = await requestDutyAt(
        listDay,
        region,
        office,
        { title: d.title, aspect: d.aspect, content: d.title, basis: d.basis, assigningOffice: d.office, reason: `列入《${DUTY_LIST_TITLE}》` },
        { demo: true, seq: i + 1 },
      );
      await applyTransition(listDay, region, { caseId: r.id, transition: 'admit', input: { note: `列入《${DUTY_LIST_TITLE}》第${i + 1}项` } });
    }
    for (const [i, q] of DEMO_DUTY_REQUESTS.entries()) {
      const county = `${q.county}-mzj`;
      const filed = { ...tx, clock: at(`2020-0${3 + i}-1${i}`) };
      const r = await requestDutyAt(
        filed,
        actorAt(county),
        orgs.get(county)!,
        { title: q.title, aspect: q.aspect, content: q.content, basis: q.basis, assigningOffice: q.office, reason: q.reason },
        { demo: true },
      );
      const decided = { ...tx, clock: at(`2020-0${3 + i}-2${i}`) };
      if (q.outcome === 'admit')
        await applyTransition(decided, actorAt(county), { caseId: r.id, transition: 'admit', input: { note: '依据充分，经县级审核同意准入' } });
      if (q.outcome === 'refuse')
        await applyTransition(decided, actorAt(county), {
          caseId: r.id,
          transition: 'refuse',
          input: { reason: '无法律法规依据，属于部门职责，不得转嫁社区（证明事项清理）' },
        });
    }
    return { stations: stations.length, duties: DEMO_DUTIES.length };
  });
}
