import { defineModule } from '../../kernel/module/index.ts';
import { requestWorkflow } from './requests/workflow.ts';
import { itemWorkflow } from './items/item-workflow.ts';
import { registerDisclosureRoutes } from './routes.ts';
import { registerDisclosurePortalRoutes } from './routes-portal.ts';
import { disclosureScopedRoutes } from './scoped-routes.ts';
import { disclosureReportSection } from './report/section.ts';
import { seedDemoDisclosure } from './demo/seed-demo-disclosure.ts';
import { disclosureCore } from './migrations/20261208130000_disclosure_core.ts';
import { disclosureItemFeed } from './migrations/20261211030000_disclosure_item_feed.ts';
import { disclosureItemChange } from './migrations/20261212030000_disclosure_item_change.ts';
import { disclosureFeeItem } from './migrations/20261213020100_disclosure_fee_item.ts';
import { listenToSources } from './items/feeds.ts';
import { CORRECTION_LAPSE_JOB, closeLapsedCorrections } from './requests/correction-lapse.ts';

// 规范性文件 公布, 行政处罚决定, 低保 公示/公布, 社会组织信用名单: drafts in the 主动公开 catalogue, in the source's transaction.
listenToSources();

/** 政务公开: 依申请公开 requests, the 主动公开 catalogue, the yearly disclosure report (see README.md). */
export const disclosure = defineModule({
  name: 'disclosure',
  label: '政务公开',
  permissions: [
    { code: 'disclosure.read', label: '查看政府信息公开申请和主动公开信息', group: '政务公开' },
    { code: 'disclosure.handle', label: '办理政府信息公开申请（登记、补正告知、征求意见、答复），拟公开登记', group: '政务公开' },
    { code: 'disclosure.correct', label: '登记申请人的补正（来信、当面）', group: '政务公开' },
    { code: 'disclosure.approve', label: '审核发布主动公开信息、撤回；批准延长答复期限', group: '政务公开' },
  ],
  roles: {
    leader: ['disclosure.read', 'disclosure.approve'],
    clerk: ['disclosure.read', 'disclosure.handle', 'disclosure.correct'],
  },
  workflows: [requestWorkflow, itemWorkflow],
  routes: [registerDisclosureRoutes, registerDisclosurePortalRoutes],
  migrations: {
    '20261208130000_disclosure_core': disclosureCore,
    '20261211030000_disclosure_item_feed': disclosureItemFeed,
    '20261212030000_disclosure_item_change': disclosureItemChange,
    '20261213020100_disclosure_fee_item': disclosureFeeItem,
  },
  async seedDemo(ctx) {
    const r = await seedDemoDisclosure(ctx);
    if (!r.skipped) ctx.logger.info(`演示政务公开：主动公开信息 ${r.items} 条，依申请公开 ${r.requests} 件`);
  },
  // 逾期不补正 (第三十条): requests whose 补正期限 ended the day before are closed with the notice.
  dailyJobs: [{ name: CORRECTION_LAPSE_JOB, hour: 1, handler: async (ctx, day) => void (await closeLapsedCorrections(ctx, day)) }],
  reportSections: [disclosureReportSection],
  scopedRoutes: disclosureScopedRoutes,
});
