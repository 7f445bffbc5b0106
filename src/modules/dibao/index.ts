import { defineModule } from '../../kernel/module/index.ts';
import { dibaoReportSection } from './report/section.ts';
import { dibaoWorkflow } from './workflow.ts';
import { recheckWorkflow, RECHECK_SWEEP_JOB, sweepRechecks } from './recheck/recheck-workflow.ts';
import { endGradualExits } from './recheck/decide-recheck.ts';
import { registerDibaoRoutes } from './routes.ts';
import { registerDibaoMoneyRoutes } from './routes-money.ts';
import { registerDibaoStepRoutes } from './routes-steps.ts';
import { seedDibaoStandardsDemo } from './demo-money/seed-standards.ts';
import { seedDibaoDemo } from './demo/seed-dibao-demo.ts';
import { dibaoScopedRoutes } from './scoped-routes.ts';
import { dibaoCore } from './migrations/20261129200000_dibao_core.ts';
import { dibaoApplication } from './migrations/20261129210000_dibao_application.ts';
import { dibaoMoney } from './migrations/20261129220000_dibao_money.ts';
import { dibaoFacts } from './migrations/20261206100000_dibao_facts.ts';
import { dibaoOutcomes } from './migrations/20261207120000_dibao_outcomes.ts';
import { dibaoNotAccepted } from './migrations/20261207130000_dibao_not_accepted.ts';
import { dibaoPublication } from './migrations/20261207130100_dibao_publication.ts';
import { dibaoRelativeFiling } from './migrations/20261207130200_dibao_relative_filing.ts';
import { dibaoSpotCheckCorrection } from './migrations/20261207130300_dibao_spot_check_correction.ts';
import { dibaoPortalUnverified } from './migrations/20261210020000_dibao_portal_unverified.ts';
import { dibaoFullwidthWords } from './migrations/20261213040000_dibao_fullwidth_words.ts';

/** 低保: the module's whole contribution to the server (see src/kernel/module/). */
export const dibao = defineModule({
  name: 'dibao',
  label: '低保',
  permissions: [
    { code: 'dibao.read', label: '查看低保家庭和申请', group: '低保' },
    { code: 'dibao.apply', label: '登记低保申请', group: '低保' },
    { code: 'dibao.handle', label: '办理低保申请（受理、核对、入户调查、评议、审核、公示）', group: '低保' },
    { code: 'dibao.confirm', label: '确认（审批）低保、抽查乡镇确认的案件', group: '低保' },
    { code: 'dibao.roster', label: '生成、校验发放名册，登记待遇变更', group: '低保' },
    { code: 'dibao.roster_approve', label: '审批发放名册', group: '低保' },
    { code: 'dibao.import', label: '导入低保名册', group: '低保' },
    { code: 'dibao.configure', label: '维护低保标准、审批权下放配置', group: '低保' },
  ],
  roles: {
    leader: ['dibao.read', 'dibao.confirm', 'dibao.roster_approve', 'dibao.configure'],
    clerk: ['dibao.read', 'dibao.apply', 'dibao.handle', 'dibao.roster', 'dibao.import'],
  },
  workflows: [dibaoWorkflow, recheckWorkflow],
  routes: [registerDibaoRoutes, registerDibaoMoneyRoutes, registerDibaoStepRoutes],
  migrations: {
    '20261129200000_dibao_core': dibaoCore,
    '20261129210000_dibao_application': dibaoApplication,
    '20261129220000_dibao_money': dibaoMoney,
    '20261206100000_dibao_facts': dibaoFacts,
    '20261207120000_dibao_outcomes': dibaoOutcomes,
    '20261207130000_dibao_not_accepted': dibaoNotAccepted,
    '20261207130100_dibao_publication': dibaoPublication,
    '20261207130200_dibao_relative_filing': dibaoRelativeFiling,
    '20261207130300_dibao_spot_check_correction': dibaoSpotCheckCorrection,
    '20261210020000_dibao_portal_unverified': dibaoPortalUnverified,
    '20261213040000_dibao_fullwidth_words': dibaoFullwidthWords,
  },
  // 动态管理: the households due for their periodic re-check get a 复核 case, and ended 渐退 periods stop, at 01:00 every day.
  dailyJobs: [
    {
      name: RECHECK_SWEEP_JOB,
      hour: 1,
      handler: async (ctx) => {
        await endGradualExits(ctx);
        await sweepRechecks(ctx);
      },
    },
  ],
  // The money side's 示例 standards first, so the demo applications are computed against them.
  async seedDemo(ctx) {
    await seedDibaoStandardsDemo(ctx);
    const started = performance.now();
    const r = await seedDibaoDemo(ctx);
    if (r.applications) ctx.logger.info(`演示低保数据：${r.applications} 件申请，${Math.round(performance.now() - started)} ms`);
  },
  reportSections: [dibaoReportSection],
  scopedRoutes: dibaoScopedRoutes,
});
