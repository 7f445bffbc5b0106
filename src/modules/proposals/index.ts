import { defineModule } from '../../kernel/module/index.ts';
import { proposalWorkflow } from './workflow.ts';
import { proposalPartWorkflow } from './part-workflow.ts';
import { registerProposalRoutes } from './routes.ts';
import { proposalScopedRoutes } from './scoped-routes.ts';
import { seedDemoProposals } from './demo/seed-demo-proposals.ts';
import { proposalsCore } from './migrations/20261207170000_proposals_core.ts';
import { proposalsDisclosure } from './migrations/20261207170100_proposals_disclosure.ts';

/** 建议提案: 人大代表建议 and 政协提案 this department handles (see README.md). */
export const proposals = defineModule({
  name: 'proposals',
  label: '建议提案',
  permissions: [
    { code: 'proposals.read', label: '查看建议提案', group: '建议提案' },
    { code: 'proposals.handle', label: '办理建议提案（交办登记、签收、面商沟通、拟答复、征询意见）', group: '建议提案' },
    { code: 'proposals.approve', label: '签发建议提案答复', group: '建议提案' },
  ],
  roles: {
    leader: ['proposals.read', 'proposals.approve'],
    clerk: ['proposals.read', 'proposals.handle'],
  },
  workflows: [proposalWorkflow, proposalPartWorkflow],
  routes: [registerProposalRoutes],
  migrations: { '20261207170000_proposals_core': proposalsCore, '20261207170100_proposals_disclosure': proposalsDisclosure },
  // 2019 (the report's year: 7 人大代表建议, 47 政协提案) and a few current items in progress.
  async seedDemo(ctx) {
    const r = await seedDemoProposals(ctx);
    if (!r.skipped) ctx.logger.info(`演示建议提案：${r.created} 件`);
  },
  scopedRoutes: proposalScopedRoutes,
});
