import { defineModule } from '../../kernel/module/index.ts';
import { applicationWorkflow } from './workflow.ts';
import { complaintWorkflow } from './complaint-workflow.ts';
import { registerHallRoutes } from './routes.ts';
import { hallScopedRoutes } from './scoped-routes.ts';
import { hallReportSection } from './report/section.ts';
import { seedDemoHall } from './demo/seed-demo-hall.ts';
import { hallCore } from './migrations/20261208110000_hall_core.ts';
import { hallMaterialFiles } from './migrations/20261211050100_hall_material_files.ts';
import { hallOrgsHandover } from './migrations/20261215010100_hall_orgs_handover.ts';
import { onEstablishmentDecided } from '../orgs/contract.ts';
import { reflectRegistrarDecision } from './commands/handover.ts';

// 社会团体成立登记: the registrar's decision on the case the hall handed over moves the application on.
onEstablishmentDecided(reflectRegistrarDecision);

/** 政务服务大厅: one-window and online applications, 电子证照, 好差评 and 差评整改 (see README.md). */
export const hall = defineModule({
  name: 'hall',
  label: '政务服务大厅',
  permissions: [
    { code: 'hall.read', label: '查看政务服务办件、好差评', group: '政务服务大厅' },
    { code: 'hall.handle', label: '窗口登记、受理、办理、送达政务服务办件', group: '政务服务大厅' },
    { code: 'hall.rectify', label: '差评回访核实、整改、反馈', group: '政务服务大厅' },
    { code: 'hall.review', label: '差评申诉复核', group: '政务服务大厅' },
    { code: 'hall.configure', label: '设置限期整改期限（只能从严）', group: '政务服务大厅' },
  ],
  roles: {
    clerk: ['hall.read', 'hall.handle', 'hall.rectify'],
    leader: ['hall.read', 'hall.review'],
    policy: ['hall.configure'],
  },
  workflows: [applicationWorkflow, complaintWorkflow],
  routes: [registerHallRoutes],
  migrations: {
    '20261208110000_hall_core': hallCore,
    '20261211050100_hall_material_files': hallMaterialFiles,
    '20261215010100_hall_orgs_handover': hallOrgsHandover,
  },
  async seedDemo(ctx) {
    const r = await seedDemoHall(ctx);
    if (!r.skipped) ctx.logger.info(`演示政务服务办件：${r.created} 件`);
  },
  reportSections: [hallReportSection],
  scopedRoutes: hallScopedRoutes,
});
