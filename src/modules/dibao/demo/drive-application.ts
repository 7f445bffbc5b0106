import { sql } from 'kysely';
import type { AppContext, Clock } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { applyAction, acknowledgeHandoff, handOff } from '../../../kernel/workflow/index.ts';
import { registerApplication } from '../commands/register-application.ts';
import { addWorkdays, at10 } from './demo-calendar.ts';
import { GIVEN, SURNAMES, picker, type Township, type householdMaker } from './demo-households.ts';
import type { DemoStaff } from './demo-staff.ts';

/** Where one demo application goes: refused, objected to, left in progress at stopAt, a staff relative's, not accepted. */
export type DriveOptions = { refuse?: boolean; objection?: boolean | 'founded'; stopAt?: string; relative?: boolean; notAccept?: string };

/** What the demo run shares with each application it drives. */
export type DemoRun = {
  ctx: AppContext;
  /** ctx on the demo's clock. */
  c: AppContext;
  clock: Clock & { set(x: Date): void };
  rand: () => number;
  staff: { townships: Map<string, DemoStaff>; counties: Map<string, DemoStaff> };
  household: ReturnType<typeof householdMaker>;
  timed: <T>(name: string, f: () => Promise<T>) => Promise<T>;
  move: (actor: Actor, id: string, name: string, input?: unknown, comment?: string) => Promise<unknown>;
};

/**
 * Drives one application through the real flow (register, 受理, 核对, 入户调查, 审核, 公示 and objections,
 * the county's 签收 where it decides, 确认 or 不予确认, 公布), a few working days between steps;
 * stopAt leaves it in progress. Returns the case id.
 */
export function applicationDriver(run: DemoRun) {
  const { ctx, c, clock, rand, staff, household, timed, move } = run;
  const pick = picker(rand);
  return async (t: Township, accept: Date, opts: DriveOptions = {}) => {
    const a = staff.townships.get(t.org)!;
    const county = staff.counties.get(t.county)!;
    clock.set(new Date(accept.getTime() - 86_400_000 * (1 + Math.floor(rand() * 3))));
    const body = opts.relative
      ? {
          ...household(t),
          relativeOfStaff: true,
          staffRelative: { staffName: `${pick(SURNAMES)}${pick(GIVEN)}`, staffPost: '村（居）民委员会成员', relation: '兄弟姐妹' },
        }
      : household(t);
    const reg = await timed('register', () => registerApplication(c, a.clerk, body, { isDemo: true }));
    const stop = (s: string) => opts.stopAt === s;
    if (stop('applied')) return reg.id;
    clock.set(accept);
    if (opts.notAccept) {
      await move(a.clerk, reg.id, 'not_accept', { code: opts.notAccept, reason: '经审查，申请人户籍不在本乡镇（街道），已告知其向户籍所在地乡镇人民政府申请' });
      return reg.id;
    }
    await move(a.clerk, reg.id, 'accept');
    if (stop('checking')) return reg.id;
    let d = addWorkdays(accept, 1 + Math.floor(rand() * 2));
    clock.set(d);
    await move(a.clerk, reg.id, 'verify');
    if (stop('investigating')) return reg.id;
    // An objection found 属实 turns a 拟同意 into a refusal after the 复查; otherwise 拟不同意 skips the 公示.
    const founded = opts.objection === 'founded';
    const refuseAtReview = opts.refuse && !founded;
    const investigate = async () => {
      d = addWorkdays(d, 2 + Math.floor(rand() * 3));
      clock.set(d);
      await move(a.clerk, reg.id, 'investigate', {
        staff: `${pick(SURNAMES.slice(0, 7))}${pick(GIVEN)}、${pick(SURNAMES.slice(7))}${pick(GIVEN)}`,
        date: chinaDate(d),
        findings: '入户查看住房、家电和生活状况，与申报基本一致',
        incomeStable: rand() < 0.3 ? '不固定' : '稳定',
      });
      d = addWorkdays(d, 1 + Math.floor(rand() * 2));
      clock.set(d);
      await move(a.clerk, reg.id, 'review', {
        opinion: refuseAtReview ? '拟不同意' : '拟同意',
        text: refuseAtReview ? '家庭人均收入高于标准' : '经调查核实，符合低保条件',
      });
    };
    await investigate();
    if (stop('reviewed')) return reg.id;
    if (!refuseAtReview) {
      d = addWorkdays(d, 1);
      clock.set(d);
      await move(a.clerk, reg.id, 'publicize');
      if (stop('publicizing')) return reg.id;
      if (opts.objection) {
        clock.set(new Date(d.getTime() + 3 * 86_400_000));
        await move(a.clerk, reg.id, 'object', { content: '群众反映该户有成员长期在外务工', objector: '村民' });
        d = addWorkdays(new Date(d.getTime() + 3 * 86_400_000), 2 + Math.floor(rand() * 4));
        clock.set(d);
        await move(a.clerk, reg.id, founded ? 'objection_founded' : 'objection_unfounded', {
          staff: `${pick(SURNAMES.slice(0, 7))}${pick(GIVEN)}、${pick(SURNAMES.slice(7))}${pick(GIVEN)}`,
          date: chinaDate(d),
          findings: founded ? '复查：该户成员长期在外务工，月收入约 4000 元，未申报，异议属实' : '复查：该成员已分户另居，异议不属实',
        });
      }
      if (!founded) {
        // 公示期满: the day after the period's last day (the publicity clock's due date).
        const to = (await sql<{ to: string }>`select publicity_to::text as to from dibao.application where case_id = ${reg.id}`.execute(ctx.db)).rows[0]!.to;
        d = new Date(at10(to).getTime() + 86_400_000);
        clock.set(d);
        await move(a.clerk, reg.id, 'end_publicity');
      }
    } else {
      await move(a.clerk, reg.id, 'skip_publicity');
    }
    if (stop('awaiting_confirm')) return reg.id;
    const app = (await sql<{ authority: string }>`select authority from dibao.application where case_id = ${reg.id}`.execute(ctx.db)).rows[0]!;
    let decider = a.lead;
    // 近亲属备案: sent up and decided by the county even where approval is delegated.
    if (app.authority === 'county' || opts.relative) {
      d = addWorkdays(d, 1);
      clock.set(d);
      const bureau = (await sql<{ id: string }>`select id from core.org_unit where code = ${`${t.county}-mzj`}`.execute(ctx.db)).rows[0]!;
      await timed('handoff', () => handOff(c, a.clerk, { caseId: reg.id, kind: 'transfer', toOrgId: bureau.id, note: '乡镇审核、公示完毕，报请县级确认' }));
      if (stop('submitted')) return reg.id;
      d = addWorkdays(d, 1 + Math.floor(rand() * 3));
      clock.set(d);
      await timed('acknowledge', () => acknowledgeHandoff(c, county.clerk, { caseId: reg.id }));
      d = addWorkdays(d, 4 + Math.floor(rand() * 6));
      decider = county.lead;
      if (opts.relative) {
        clock.set(d);
        await timed('county visit', () =>
          applyAction(c, county.clerk, {
            caseId: reg.id,
            type: 'dibao',
            action: 'county_visit',
            input: { staff: '县民政局核查员甲、县民政局核查员乙', date: chinaDate(d), result: '属实', findings: '县民政局入户核查，家庭收入、财产与申报一致' },
          }),
        );
      }
    } else {
      d = addWorkdays(d, 1 + Math.floor(rand() * 2));
    }
    clock.set(d);
    if (opts.refuse || founded) {
      await move(decider, reg.id, 'refuse', {
        reasons: founded ? '公示期间群众异议经复查属实，家庭成员务工收入未申报，人均收入高于当地低保标准' : '经核对，家庭人均收入高于当地低保标准',
      });
      clock.set(addWorkdays(d, 1));
      await move(app.authority === 'county' || opts.relative ? county.clerk : a.clerk, reg.id, 'send_notice', {
        method: '当面送达',
        date: chinaDate(addWorkdays(d, 1)),
      });
    } else {
      try {
        await move(decider, reg.id, 'confirm', { note: '同意' });
      } catch (e) {
        // A standard set lower by the money side can make a demo household ineligible: decide honestly.
        if ((e as { code?: string }).code !== 'DIBAO_NOT_ELIGIBLE') throw e;
        await move(decider, reg.id, 'refuse', { reasons: (e as Error).message.replace(/^DIBAO_NOT_ELIGIBLE: /, '') });
        return reg.id;
      }
      // 公布 in the village (暂行办法第十一条(三)) a few working days later, by the holder of the case.
      d = addWorkdays(d, 1 + Math.floor(rand() * 3));
      clock.set(d);
      const village = (await sql<{ name: string }>`select name from core.area where code = ${t.village}`.execute(ctx.db)).rows[0]?.name ?? '村（社区）';
      await timed('publish', () =>
        applyAction(c, app.authority === 'county' || opts.relative ? county.clerk : a.clerk, {
          caseId: reg.id,
          type: 'dibao',
          action: 'publish',
          input: { date: chinaDate(d), channel: '村（居）务公开栏', place: `${village}村（居）务公开栏` },
        }),
      );
    }
    return reg.id;
  };
}
