import { defineModule } from '../../kernel/module/index.ts';
import { dutyWorkflow, stationWorkflow } from './workflow.ts';
import { registerCommunityRoutes } from './routes.ts';
import { communityScopedRoutes } from './scoped-routes.ts';
import { communityReportSection } from './report/section.ts';
import { seedCommunityDemo } from './demo/seed-community-demo.ts';
import { communityCore } from './migrations/20261208140000_community_core.ts';

/** 城乡社区: 社区综合服务站 registry and map, the 社区工作事项清单 with 依法准入 (see README.md). */
export const community = defineModule({
  name: 'community',
  label: '城乡社区',
  permissions: [
    { code: 'community.read', label: '查看服务站台账和社区工作事项清单', group: '城乡社区' },
    { code: 'community.register', label: '登记、导入、暂停和撤销社区综合服务站', group: '城乡社区' },
    { code: 'community.request', label: '申请社区工作事项准入', group: '城乡社区' },
    { code: 'community.admit', label: '审核社区工作事项准入（准入、不予准入、移出清单）', group: '城乡社区' },
  ],
  roles: {
    leader: ['community.read', 'community.admit'],
    clerk: ['community.read', 'community.register', 'community.request'],
  },
  workflows: [stationWorkflow, dutyWorkflow],
  routes: [registerCommunityRoutes],
  migrations: { '20261208140000_community_core': communityCore },
  async seedDemo(ctx) {
    const r = await seedCommunityDemo(ctx);
    if (r.stations) ctx.logger.info(`演示城乡社区：服务站 ${r.stations} 个，清单事项 ${r.duties} 项`);
  },
  reportSections: [communityReportSection],
  scopedRoutes: communityScopedRoutes,
});
