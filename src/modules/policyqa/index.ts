import { defineModule } from '../../kernel/module/index.ts';
import { registerPolicyqaRoutes } from './routes.ts';
import { policyqaScopedRoutes } from './scoped-routes.ts';
import { seedPolicyqaDemo } from './demo/seed-policyqa-demo.ts';
import { policyqaCore } from './migrations/20261208140100_policyqa_core.ts';
import { onNormdocChange } from '../normdocs/contract.ts';
import { flagAnswersForDocument } from './entries/flag-answers.ts';

// A document repealed (废止) or lapsed (失效): its answers go to 待复核, hidden from the portal, in the move's transaction.
onNormdocChange(async (tx, c) => {
  await flagAnswersForDocument(tx, c.caseId, `${c.number ?? c.title}已${c.kind}（${c.on}）：${c.reason}`);
});

/** 政策问答: Q&A tied to the policies they explain, hidden from the portal while under review (see README.md). */
export const policyqa = defineModule({
  name: 'policyqa',
  label: '政策问答',
  permissions: [
    { code: 'policyqa.read', label: '查看政策问答', group: '政策问答' },
    { code: 'policyqa.edit', label: '新增、修改政策问答', group: '政策问答' },
    { code: 'policyqa.review', label: '标记待复核、复核政策问答', group: '政策问答' },
  ],
  roles: {
    clerk: ['policyqa.read', 'policyqa.edit'],
    leader: ['policyqa.read', 'policyqa.review'],
    policy: ['policyqa.read', 'policyqa.edit', 'policyqa.review'],
  },
  routes: [registerPolicyqaRoutes],
  migrations: { '20261208140100_policyqa_core': policyqaCore },
  async seedDemo(ctx) {
    const r = await seedPolicyqaDemo(ctx);
    if (r.created) ctx.logger.info(`演示政策问答：${r.created} 条`);
  },
  scopedRoutes: policyqaScopedRoutes,
});
