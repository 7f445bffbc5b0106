import { defineModule } from '../../kernel/module/index.ts';
import { petitionReportSection } from './report/section.ts';
import { petitionWorkflow } from './workflow.ts';
import { registerPetitionRoutes } from './routes.ts';
import { registerPetitionPortalRoutes } from './routes-portal.ts';
import { registerPetitionStatsRoutes } from './routes-stats.ts';
import { registerPetitionIntakeRoutes } from './routes-intake.ts';
import { FOLLOW_UP_JOB, followUpHandler } from './commands/follow-ups.ts';
import { CLOSE_SWEEP_JOB, closeAfterWindow } from './commands/close-after-window.ts';
import { seedDemoPetitions } from './demo/seed-demo-petitions.ts';
import { petitionScopedRoutes } from './scoped-routes.ts';
import { petitionsSchema } from './migrations/20261129100000_petitions_core.ts';
import { petitionsFirstTime } from './migrations/20261129110000_petitions_first_time.ts';
import { petitionsRules } from './migrations/20261129110100_petitions_rules.ts';
import { petitionsPortalPow } from './migrations/20261129120000_petitions_portal_pow.ts';
import { petitionStatsSchema } from './migrations/20261129130000_petitions_stats.ts';
import { petitionsPortalPowToCore } from './migrations/20261130140000_petitions_portal_pow_to_core.ts';
import { petitionsFacts } from './migrations/20261206100000_petitions_facts.ts';
import { petitionsReviewRights } from './migrations/20261207100000_petitions_review_rights.ts';
import { petitionsIntake } from './migrations/20261207110000_petitions_intake.ts';
import { petitionsObjection } from './migrations/20261207110100_petitions_objection.ts';
import { petitionsForwardOutside } from './migrations/20261210080000_petitions_forward_outside.ts';

/** 信访: the module's whole contribution to the server (see src/kernel/module/). */
export const petitions = defineModule({
  name: 'petitions',
  label: '信访',
  permissions: [
    { code: 'petition.read', label: '查看信访事项', group: '信访' },
    { code: 'petition.register', label: '登记信访事项', group: '信访' },
    { code: 'petition.handle', label: '办理信访事项（甄别、转送、受理、拟办、送达）', group: '信访' },
    { code: 'petition.approve', label: '审批信访处理意见、批准延期', group: '信访' },
    { code: 'petition.supervise', label: '督办信访事项', group: '信访' },
  ],
  roles: {
    leader: ['petition.read', 'petition.approve', 'petition.supervise'],
    clerk: ['petition.read', 'petition.register', 'petition.handle'],
  },
  workflows: [petitionWorkflow],
  routes: [registerPetitionRoutes, registerPetitionPortalRoutes, registerPetitionStatsRoutes, registerPetitionIntakeRoutes],
  migrations: {
    '20261129100000_petitions_core': petitionsSchema,
    '20261129110000_petitions_first_time': petitionsFirstTime,
    '20261129110100_petitions_rules': petitionsRules,
    '20261129120000_petitions_portal_pow': petitionsPortalPow,
    '20261129130000_petitions_stats': petitionStatsSchema,
    '20261130140000_petitions_portal_pow_to_core': petitionsPortalPowToCore,
    '20261206100000_petitions_facts': petitionsFacts,
    '20261207100000_petitions_review_rights': petitionsReviewRights,
    '20261207110000_petitions_intake': petitionsIntake,
    '20261207110100_petitions_objection': petitionsObjection,
    '20261210080000_petitions_forward_outside': petitionsForwardOutside,
  },
  jobs: [{ name: FOLLOW_UP_JOB, handler: followUpHandler }],
  // 办结 once the petitioner's 复查 / 复核 window has run out (a system move).
  dailyJobs: [{ name: CLOSE_SWEEP_JOB, hour: 1, handler: async (ctx) => void (await closeAfterWindow(ctx)) }],
  // A year of 信访 (2019, the report's year) with recent items for the demo accounts.
  async seedDemo(ctx) {
    const r = await seedDemoPetitions(ctx);
    if (!r.skipped)
      ctx.logger.info(
        `演示信访数据：${r.created} 件，${r.moves} 步，${r.ms} ms${r.failed.length ? `;${r.failed.length} 件未走完：${r.failed[0]!.error}` : ''}`,
      );
  },
  reportSections: [petitionReportSection],
  scopedRoutes: petitionScopedRoutes,
});
