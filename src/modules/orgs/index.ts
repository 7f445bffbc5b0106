import { defineModule } from '../../kernel/module/index.ts';
import { registerOrgRoutes } from './routes.ts';
import { orgsReportSection } from './report/section.ts';
import { orgsScopedRoutes } from './scoped-routes.ts';
import { CREDIT_SWEEP_JOB, sweepCredit } from './credit/credit-sweep.ts';
import { seedOrgsDemo } from './demo/seed-orgs-demo.ts';
import { MISSING_REPORT_JOB, sweepMissingReports } from './inspection/missing-report-sweep.ts';
import { orgsCore } from './migrations/20261207150000_orgs_core.ts';
import { orgsLifecycle } from './migrations/20261207150100_orgs_lifecycle.ts';
import { orgsInspection } from './migrations/20261207150200_orgs_inspection.ts';
import { orgsSpotCheck } from './migrations/20261207190000_orgs_spot_check.ts';
import { orgsAnnualReport } from './migrations/20261208150100_orgs_annual_report.ts';
import { orgsInterview } from './migrations/20261208150200_orgs_interview.ts';
import { orgsSpotCheckV2 } from './migrations/20261210070000_orgs_spot_check_v2.ts';
import { orgsPenalty } from './migrations/20261210070100_orgs_penalty.ts';
import { orgsSpotCheckNotice } from './migrations/20261211080100_orgs_spot_check_notice.ts';
import { orgsNameTrgm } from './migrations/20261212060000_orgs_name_trgm.ts';
import { orgsSpotPopulationTrgm } from './migrations/20261213050100_orgs_spot_population_trgm.ts';
import { orgsSupervisor } from './migrations/20261212060100_orgs_supervisor.ts';
import { orgsApplicationOrigin } from './migrations/20261215010000_orgs_application_origin.ts';
import { orgsLinks } from './migrations/20261215020000_orgs_links.ts';
import { orgsSpotInspectedBy } from './migrations/20261216020000_orgs_spot_inspected_by.ts';
import { orgsSpotPopulationLean } from './migrations/20261217000000_orgs_spot_population_lean.ts';
import { registerSpotCheckRoutes } from './spot-check/spot-check-routes.ts';
import { registerAnnualReportRoutes } from './inspection/annual-report-routes.ts';
import { registerSupervisorRoutes } from './registry/supervisor-routes.ts';
import { REMINDER_JOB, sweepReminders } from './inspection/reminder-sweep.ts';
import { RECTIFICATION_JOB, sweepRectification } from './spot-check/spot-check-inspect.ts';
import { establishWorkflow } from './lifecycle/establish-workflow.ts';
import { changeWorkflow, deregisterWorkflow } from './lifecycle/change-workflow.ts';
import { listenToEnforcement } from './credit/penalty-from-enforcement.ts';

// 行政处罚决定 of enforcement cases against a registered organization are recorded here (credit rules read them).
listenToEnforcement();

/** 社会组织: the registry of social organizations (see README.md). */
export const orgs = defineModule({
  name: 'orgs',
  label: '社会组织',
  permissions: [
    { code: 'orgs.read', label: '查看社会组织登记信息和信用信息', group: '社会组织' },
    { code: 'orgs.register', label: '社会组织登记（成立、变更、注销）和名称审核', group: '社会组织' },
    { code: 'orgs.credit', label: '列入、移出活动异常名录和严重违法失信名单', group: '社会组织' },
    { code: 'orgs.penalize', label: '记录警告、罚款、限期停止活动、撤销登记等处罚决定', group: '社会组织' },
    { code: 'orgs.supervise', label: '业务主管单位：查看所主管社会组织的登记和年检情况，出具年检初审意见', group: '社会组织' },
  ],
  roles: {
    leader: ['orgs.read', 'orgs.credit', 'orgs.penalize'],
    clerk: ['orgs.read', 'orgs.register'],
    supervisor: ['orgs.supervise'],
  },
  workflows: [establishWorkflow, changeWorkflow, deregisterWorkflow],
  routes: [registerOrgRoutes, registerSpotCheckRoutes, registerAnnualReportRoutes, registerSupervisorRoutes],
  migrations: {
    '20261207150000_orgs_core': orgsCore,
    '20261207150100_orgs_lifecycle': orgsLifecycle,
    '20261207150200_orgs_inspection': orgsInspection,
    '20261207190000_orgs_spot_check': orgsSpotCheck,
    '20261208150100_orgs_annual_report': orgsAnnualReport,
    '20261208150200_orgs_interview': orgsInterview,
    '20261210070000_orgs_spot_check_v2': orgsSpotCheckV2,
    '20261210070100_orgs_penalty': orgsPenalty,
    '20261211080100_orgs_spot_check_notice': orgsSpotCheckNotice,
    '20261212060000_orgs_name_trgm': orgsNameTrgm,
    '20261212060100_orgs_supervisor': orgsSupervisor,
    '20261213050100_orgs_spot_population_trgm': orgsSpotPopulationTrgm,
    '20261215010000_orgs_application_origin': orgsApplicationOrigin,
    '20261215020000_orgs_links': orgsLinks,
    '20261216020000_orgs_spot_inspected_by': orgsSpotInspectedBy,
    '20261217000000_orgs_spot_population_lean': orgsSpotPopulationLean,
  },
  // 信用: removal from the 活动异常名录 after six months, the move to the 严重违法失信名单 after two years (02:00 daily).
  // 年检: organizations without last year's report after the deadline go on the 活动异常名录 (01:00, before the credit rule at 02:00).
  dailyJobs: [
    // 年报: reminders before 3/31 and 5/31 to the organizations that have filed nothing.
    { name: REMINDER_JOB, hour: 1, handler: async (ctx, day) => void (await sweepReminders(ctx, day)) },
    { name: MISSING_REPORT_JOB, hour: 1, handler: async (ctx, day) => void (await sweepMissingReports(ctx, day)) },
    // 双随机: 整改通知 not rectified by the deadline → 活动异常名录 (before the credit rule).
    { name: RECTIFICATION_JOB, hour: 1, handler: async (ctx, day) => void (await sweepRectification(ctx, day)) },
    { name: CREDIT_SWEEP_JOB, hour: 2, handler: async (ctx, day) => void (await sweepCredit(ctx, day)) },
  ],
  // ~300 organizations over the region, its cities and counties, a few on the credit lists.
  async seedDemo(ctx) {
    const r = await seedOrgsDemo(ctx);
    if (r.created) ctx.logger.info(`演示社会组织：${r.created} 个`);
  },
  scopedRoutes: orgsScopedRoutes,
  reportSections: [orgsReportSection],
});
