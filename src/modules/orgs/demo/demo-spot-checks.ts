import { sql } from 'kysely';
import type { AppContext, Clock } from '../../../platform/context.ts';
import { chinaMidnight } from '../../../platform/china-time.ts';
import { SYSTEM_ACTOR, type Actor } from '../../../kernel/identity/index.ts';
import { inspectionItemsOf, reviewInspection } from '../../catalogue/contract.ts';
import { commitSpotCheck, revealSpotCheckSeed, runSpotCheckDraw } from '../spot-check/spot-check-plan.ts';
import { recordFollowUp, recordSpotInspection } from '../spot-check/spot-check-inspect.ts';

type DemoCheck = {
  orgUnitCode: string;
  title: string;
  /** A 定期抽查's ratio, else a 不定期抽查 of three. */
  ratio?: number;
  days: { commit: string; draw: string; inspect: string; rectifyBy?: string; rectified?: string };
  /** Problems found at the first drawn organization (a 整改通知书, rectified on time); none when absent. */
  rectification?: { findings: string; followUp: string };
};

/**
 * 2019: three 不定期抽查 in 兴庆区, 西吉县 and 平罗县, each finding problems at one organization (the report's three
 * 整改文书), and 定期抽查 of the region's and 银川市's own registrants finding none.
 */
const CHECKS: DemoCheck[] = [
  {
    orgUnitCode: '640104-mzj',
    title: '2019年兴庆区社会团体不定期抽查',
    days: { commit: '2019-04-08', draw: '2019-04-10', inspect: '2019-05-14', rectifyBy: '2019-06-14', rectified: '2019-06-05' },
    rectification: {
      findings: '未按规定报送2018年度工作报告；部分会费收入未纳入单位法定账簿核算。',
      followUp: '已补报年度工作报告，会费收入已全部入账，复查合格。',
    },
  },
  {
    orgUnitCode: '640422-mzj',
    title: '2019年西吉县社会组织不定期抽查',
    days: { commit: '2019-06-03', draw: '2019-06-05', inspect: '2019-07-09', rectifyBy: '2019-08-09', rectified: '2019-08-01' },
    rectification: {
      findings: '理事会任期届满未按章程换届；住所变更后未办理变更登记。',
      followUp: '已召开会员大会完成换届，住所变更登记已办结，复查合格。',
    },
  },
  {
    orgUnitCode: '640221-mzj',
    title: '2019年平罗县民办非企业单位不定期抽查',
    days: { commit: '2019-09-02', draw: '2019-09-04', inspect: '2019-10-15', rectifyBy: '2019-11-15', rectified: '2019-11-08' },
    rectification: {
      findings: '超出登记的业务范围开展收费培训；财务收支未全部通过单位银行账户。',
      followUp: '已停止超范围培训并向学员退费，收支已全部通过单位账户，复查合格。',
    },
  },
  { orgUnitCode: '640100-mzj', title: '2019年银川市社会组织定期抽查', ratio: 0.2, days: { commit: '2019-08-05', draw: '2019-08-07', inspect: '2019-09-17' } },
  {
    orgUnitCode: '640000-mzt',
    title: '2019年自治区本级社会组织定期抽查',
    ratio: 0.05,
    days: { commit: '2019-07-01', draw: '2019-07-03', inspect: '2019-08-20' },
  },
];
const CLEAN = '章程执行、年度工作报告、财务账簿和收支情况未发现问题。';

/** A demo person of the unit: the system's user id (documents name their issuer by account), unless `n` gives one. */
function demoClerk(u: { id: string; name: string; area_code: string; area_path: string }, who: string, n: number, permissions: string[], own = false): Actor {
  return {
    ...SYSTEM_ACTOR,
    ...(own ? { userId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` } : {}),
    username: 'demo',
    displayName: `${u.name}${who}`,
    orgUnitId: u.id,
    areaCode: u.area_code,
    areaPath: u.area_path,
    grants: [
      {
        assignmentId: `demo-spot-check-${n}`,
        roleCode: 'demo',
        roleName: '经办人',
        orgUnitId: u.id,
        orgUnitName: u.name,
        areaCode: u.area_code,
        areaPath: u.area_path,
        scope: 'subtree',
        permissions,
        delegatedBy: null,
        validTo: null,
      },
    ],
  };
}

/**
 * The 2019 双随机 spot checks of the demo, through the spot check's own commands on the days they happened (公布承诺 →
 * 抽取 → 公布种子 → 检查 → 复查). The pools are the authorities' certified officers (enforcement's demo officers, so
 * enforcement's demo runs this once they exist), and each inspection names the authority's first 社会组织 检查实施清单
 * item where it keeps one (the region, 银川市, 兴庆区; catalogue's demo): those write their 检查行为 to 互联网+监管, which
 * another person of the office then approves; elsewhere the item says why it was not reported. Idempotent.
 */
export async function seedSpotCheckDemo(ctx: AppContext): Promise<{ skipped: boolean; checks: number; notices: number; reported: number }> {
  const seeded = await sql`select 1 from orgs.spot_check where title = any(${CHECKS.map((c) => c.title)}::text[]) limit 1`.execute(ctx.db);
  const demoOrgs = await sql`select 1 from orgs.organization where is_demo limit 1`.execute(ctx.db);
  if (seeded.rows.length || !demoOrgs.rows.length) return { skipped: true, checks: 0, notices: 0, reported: 0 };
  let t = ctx.clock.now().getTime();
  const clock: Clock = { now: () => new Date(t) };
  const at = (day: string, hour = 10) => ((t = chinaMidnight(day).getTime() + hour * 3_600_000), { ...ctx, clock });
  const out = { skipped: false, checks: 0, notices: 0, reported: 0 };
  for (const [n, c] of CHECKS.entries()) {
    const u = await ctx.db.selectFrom('core.org_unit').select(['id', 'name', 'area_code', 'area_path']).where('code', '=', c.orgUnitCode).executeTakeFirst();
    if (!u) continue;
    const actor = demoClerk(u, '经办人', 700 + n, ['orgs.read', 'orgs.register']);
    const reviewer = demoClerk(u, '监管事项审核人', 720 + n, ['catalogue.supervise_review'], true);
    const plan = await commitSpotCheck(at(c.days.commit), actor, {
      kind: c.ratio ? 'plan' : 'adhoc',
      year: 2019,
      title: c.title,
      authorityId: u.id,
      ...(c.ratio ? { ratio: c.ratio } : { count: 3 }),
      perTeam: 2,
      inspectors: [],
    });
    await runSpotCheckDraw(at(c.days.draw), actor, plan.id);
    await revealSpotCheckSeed(at(c.days.draw), actor, plan.id);
    out.checks++;
    const item = (await inspectionItemsOf(ctx, { orgUnitId: u.id, objects: '社会组织' }))[0];
    const drawn = (
      await sql<{ id: string }>`select organization_id as id from orgs.spot_check_population where spot_check_id = ${plan.id} and pos <= ${plan.sampleSize}
        order by uscc collate "C"`.execute(ctx.db)
    ).rows;
    for (const [k, { id: organizationId }] of drawn.entries()) {
      const found = k === 0 ? c.rectification : undefined;
      const r = await recordSpotInspection(at(c.days.inspect), actor, plan.id, {
        organizationId,
        method: found ? 'onsite' : 'desk',
        inspectedOn: c.days.inspect,
        findings: found ? found.findings : CLEAN,
        problems: !!found,
        rectifyBy: found ? c.days.rectifyBy! : null,
        inspectionCode: item?.code ?? null,
      });
      if (r.inspectionRecordId) {
        out.reported++;
        await reviewInspection(at(c.days.inspect, 16), reviewer, r.inspectionRecordId, { approve: true, note: null });
      }
      if (!found) continue;
      out.notices++;
      await recordFollowUp(at(c.days.rectified!), actor, plan.id, { organizationId, rectifiedOn: c.days.rectified!, followUp: found.followUp });
    }
  }
  return out;
}
