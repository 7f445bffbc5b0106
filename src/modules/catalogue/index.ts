import { defineModule } from '../../kernel/module/index.ts';
import { catalogueCore } from './migrations/20261208100000_catalogue_core.ts';
import { catalogueOneRowPerOffice } from './migrations/20261208100100_catalogue_one_row_per_office.ts';
import { catalogueListImport } from './migrations/20261211050000_catalogue_list_import.ts';
import { catalogueInspectionReview } from './migrations/20261213020200_catalogue_inspection_review.ts';
import { catalogueItemImport } from './migrations/20261214070000_catalogue_item_import.ts';
import { catalogueReportSection } from './report/section.ts';
import { registerCatalogueRoutes } from './routes.ts';
import { catalogueScopedRoutes } from './scoped-routes.ts';
import { seedDemoCatalogue } from './demo/seed-demo.ts';

/** 政务服务事项: basic catalogue, implementation lists, power list, 互联网+监管 (see README.md). */
export const catalogue = defineModule({
  name: 'catalogue',
  label: '政务服务事项',
  permissions: [
    { code: 'catalogue.read', label: '查看政务服务事项目录、实施清单、权责清单、监管清单', group: '政务服务事项' },
    { code: 'catalogue.draft', label: '编制基本目录版本、权责清单（划转）', group: '政务服务事项' },
    { code: 'catalogue.publish', label: '审核发布基本目录版本', group: '政务服务事项' },
    { code: 'catalogue.list', label: '维护本单位实施清单', group: '政务服务事项' },
    { code: 'catalogue.supervise', label: '录入互联网+监管事项、检查行为', group: '政务服务事项' },
    { code: 'catalogue.supervise_review', label: '审核互联网+监管事项', group: '政务服务事项' },
  ],
  roles: {
    clerk: ['catalogue.read', 'catalogue.draft', 'catalogue.list', 'catalogue.supervise'],
    leader: ['catalogue.read', 'catalogue.publish', 'catalogue.supervise_review'],
  },
  routes: [registerCatalogueRoutes],
  migrations: {
    '20261208100000_catalogue_core': catalogueCore,
    '20261208100100_catalogue_one_row_per_office': catalogueOneRowPerOffice,
    '20261211050000_catalogue_list_import': catalogueListImport,
    '20261213020200_catalogue_inspection_review': catalogueInspectionReview,
    '20261214070000_catalogue_item_import': catalogueItemImport,
  },
  // 2019: the 119-item catalogue, lists at eight offices (with a few defects), 81 powers, 66 + 19 监管 items.
  async seedDemo(ctx) {
    const r = await seedDemoCatalogue(ctx);
    if (!r.skipped) ctx.logger.info(`演示政务服务事项：基本目录 ${r.items} 项，权责清单 ${r.powers} 项`);
  },
  reportSections: [catalogueReportSection],
  scopedRoutes: catalogueScopedRoutes,
});
