import { sql } from 'kysely';
import type { AppContext, Clock } from '../../../platform/context.ts';
import { chinaMidnight } from '../../../platform/china-time.ts';
import { SYSTEM_ACTOR, type Actor } from '../../../kernel/identity/index.ts';
import { commitSpotCheck, revealSpotCheckSeed, runSpotCheckDraw } from '../spot-check/spot-check-plan.ts';
import { recordFollowUp, recordSpotInspection } from '../spot-check/spot-check-inspect.ts';

type DemoCheck = {
  orgUnitCode: string;
  title: string;
  days: { commit: string; draw: string; inspect: string; rectifyBy: string; rectified: string };
  findings: string;
  followUp: string;
  inspectors: string[];
};

/** Three 2019 不定期抽查 in three counties/districts, each finding problems at one drawn organization. */
const CHECKS: DemoCheck[] = [
  {
    orgUnitCode: '640104-mzj',
    title: '2019年兴庆区社会团体不定期抽查',
    days: { commit: '2019-04-08', draw: '2019-04-10', inspect: '2019-05-14', rectifyBy: '2019-06-14', rectified: '2019-06-05' },
    findings: '未按规定报送2018年度工作报告；部分会费收入未纳入单位法定账簿核算。',
    followUp: '已补报年度工作报告，会费收入已全部入账，复查合格。',
    inspectors: ['马立新', '苏婷', '王海军', '田静'],
  },
  {
    orgUnitCode: '640422-mzj',
    title: '2019年西吉县社会组织不定期抽查',
    days: { commit: '2019-06-03', draw: '2019-06-05', inspect: '2019-07-09', rectifyBy: '2019-08-09', rectified: '2019-08-01' },
    findings: '理事会任期届满未按章程换届；住所变更后未办理变更登记。',
    followUp: '已召开会员大会完成换届，住所变更登记已办结，复查合格。',
    inspectors: ['何平', '马俊', '李娟', '杨光'],
  },
  {
    orgUnitCode: '640221-mzj',
    title: '2019年平罗县民办非企业单位不定期抽查',
    days: { commit: '2019-09-02', draw: '2019-09-04', inspect: '2019-10-15', rectifyBy: '2019-11-15', rectified: '2019-11-08' },
    findings: '超出登记的业务范围开展收费培训；财务收支未全部通过单位银行账户。',
    followUp: '已停止超范围培训并向学员退费，收支已全部通过单位账户，复查合格。',
    inspectors: ['赵刚', '周敏', '陈磊', '吴芳'],
  },
];
const CLEAN = '章程执行、年度工作报告、财务账簿和收支情况未发现问题。';

/**
 * The report's “下发整改文书3份” in the demo, through the spot check's own commands on the days they happened
 * (公布承诺 → 抽取 → 公布种子 → 检查 → 复查): three 不定期抽查 of 2019 in 兴庆区, 西吉县 and 平罗县, three organizations
 * each; one per check has problems and gets a 整改通知书 (社整改〔2019〕n号, a kernel document) and rectifies on time.
 */
export async function seedRectificationDemo(ctx: AppContext): Promise<number> {
  let t = ctx.clock.now().getTime();
  const clock: Clock = { now: () => new Date(t) };
  const at = (day: string) => ((t = chinaMidnight(day).getTime() + 10 * 3_600_000), { ...ctx, clock });
  let notices = 0;
  for (const c of CHECKS) {
    const u = await ctx.db.selectFrom('core.org_unit').select(['id', 'name', 'area_code', 'area_path']).where('code', '=', c.orgUnitCode).executeTakeFirst();
    if (!u) continue;
    const actor: Actor = {
      ...SYSTEM_ACTOR,
      username: 'demo',
      displayName: `${u.name}经办人`,
      orgUnitId: u.id,
      areaCode: u.area_code,
      areaPath: u.area_path,
      grants: [
        {
          assignmentId: SYSTEM_ACTOR.userId,
          roleCode: 'demo',
          roleName: '经办人',
          orgUnitId: u.id,
          orgUnitName: u.name,
          areaCode: u.area_code,
          areaPath: u.area_path,
          scope: 'subtree',
          permissions: ['orgs.read', 'orgs.register'],
          delegatedBy: null,
          validTo: null,
        },
      ],
    };
    const plan = await commitSpotCheck(at(c.days.commit), actor, {
      kind: 'adhoc',
      year: 2019,
      title: c.title,
      authorityId: u.id,
      count: 3,
      perTeam: 2,
      inspectors: c.inspectors.map((name) => ({ name, conflicts: [] })),
    });
    await runSpotCheckDraw(at(c.days.draw), actor, plan.id);
    await revealSpotCheckSeed(at(c.days.draw), actor, plan.id);
    const drawn = (
      await sql<{ id: string }>`select organization_id as id from orgs.spot_check_population where spot_check_id = ${plan.id} and pos <= ${plan.sampleSize}
        order by uscc collate "C"`.execute(ctx.db)
    ).rows;
    for (const [k, { id: organizationId }] of drawn.entries()) {
      const problems = k === 0;
      await recordSpotInspection(at(c.days.inspect), actor, plan.id, {
        organizationId,
        method: problems ? 'onsite' : 'desk',
        inspectedOn: c.days.inspect,
        findings: problems ? c.findings : CLEAN,
        problems,
        rectifyBy: problems ? c.days.rectifyBy : null,
      });
      if (!problems) continue;
      notices++;
      await recordFollowUp(at(c.days.rectified), actor, plan.id, { organizationId, rectifiedOn: c.days.rectified, followUp: c.followUp });
    }
  }
  return notices;
}
