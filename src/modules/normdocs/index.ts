import { defineModule } from '../../kernel/module/index.ts';
import { normdocWorkflow } from './workflow.ts';
import { registerNormdocRoutes } from './routes.ts';
import { registerNormdocPortalRoutes } from './portal/routes.ts';
import { normdocScopedRoutes } from './scoped-routes.ts';
import { seedDemoNormdocs } from './demo/seed-demo-normdocs.ts';
import { normdocsCore } from './migrations/20261207200000_normdocs_core.ts';
import { normdocsCommentChannel } from './migrations/20261208160000_normdocs_comment_channel.ts';
import { normdocsReviewChecklist } from './migrations/20261208160100_normdocs_review_checklist.ts';
import { normdocsLifecycle } from './migrations/20261208160200_normdocs_lifecycle.ts';
import { normdocsCleanup } from './migrations/20261211040000_normdocs_cleanup.ts';
import { normdocsContinuation } from './migrations/20261213050000_normdocs_continuation.ts';
import { normdocsEvaluation } from './migrations/20261212040000_normdocs_evaluation.ts';
import { registerCleanupRoutes } from './cleanup/routes.ts';
import { registerNormdocOutputRoutes } from './output/routes.ts';
import { EVALUATION_REMIND_JOB, remindEvaluations } from './evaluation/remind-evaluation.ts';
import { normdocReportSection } from './report/section.ts';

/** 规范性文件: the gated pipeline from 起草 to 备案 with one register and gapless numbers (see README.md). */
export const normdocs = defineModule({
  name: 'normdocs',
  label: '规范性文件',
  permissions: [
    { code: 'normdocs.read', label: '查看规范性文件', group: '规范性文件' },
    { code: 'normdocs.draft', label: '起草规范性文件（草案、征求意见、意见处理、提请审核和审议）', group: '规范性文件' },
    { code: 'normdocs.review', label: '合法性审核、统一登记编号、公布、备案和清理', group: '规范性文件' },
    { code: 'normdocs.sign', label: '签发规范性文件', group: '规范性文件' },
    { code: 'normdocs.configure', label: '设置规范性文件（征求意见期限）', group: '规范性文件' },
  ],
  roles: {
    leader: ['normdocs.read', 'normdocs.sign'],
    clerk: ['normdocs.read', 'normdocs.draft'],
    policy: ['normdocs.read', 'normdocs.review', 'normdocs.configure'],
  },
  workflows: [normdocWorkflow],
  routes: [registerNormdocRoutes, registerNormdocPortalRoutes, registerCleanupRoutes, registerNormdocOutputRoutes],
  migrations: {
    '20261207200000_normdocs_core': normdocsCore,
    '20261208160000_normdocs_comment_channel': normdocsCommentChannel,
    '20261208160100_normdocs_review_checklist': normdocsReviewChecklist,
    '20261208160200_normdocs_lifecycle': normdocsLifecycle,
    '20261211040000_normdocs_cleanup': normdocsCleanup,
    '20261212040000_normdocs_evaluation': normdocsEvaluation,
    '20261213050000_normdocs_continuation': normdocsContinuation,
  },
  // 有效期届满前 6 个月: remind the drafting office to evaluate (继续有效 / 修改 / 废止).
  dailyJobs: [{ name: EVALUATION_REMIND_JOB, hour: 1, handler: async (ctx, day) => void (await remindEvaluations(ctx, day)) }],
  reportSections: [normdocReportSection],
  async seedDemo(ctx) {
    const r = await seedDemoNormdocs(ctx);
    if (!r.skipped) ctx.logger.info(`演示规范性文件：${r.created} 件`);
  },
  scopedRoutes: normdocScopedRoutes,
});
