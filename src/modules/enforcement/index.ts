import { defineModule } from '../../kernel/module/index.ts';
import { ENFORCEMENT_PERMISSIONS as P } from './contracts/labels.ts';
import { penaltyWorkflow } from './penalty/workflow.ts';
import { registerEnforcementRoutes } from './routes.ts';
import { registerTipoffRoutes } from './tipoffs/routes.ts';
import { INFORMANT_PERMISSION } from './contracts/tipoff-labels.ts';
import { enforcementScopedRoutes } from './scoped-routes.ts';
import { enforcementReportSection } from './report/section.ts';
import { seedEnforcementDemo } from './demo/seed-enforcement-demo.ts';
import { seedStudyDemo } from './demo/seed-study.ts';
import { seedDemoInspections } from '../catalogue/contract.ts';
import { seedSpotCheckDemo } from '../orgs/contract.ts';
import { enforcementCore } from './migrations/20261208120000_enforcement_core.ts';
import { enforcementCatalogue } from './migrations/20261208120100_enforcement_catalogue.ts';
import { enforcementStudy } from './migrations/20261211010000_enforcement_study.ts';
import { registerStudyRoutes } from './study/routes.ts';
import { studyScopedRoutes } from './study/scoped-routes.ts';
import { enforcementTipoff } from './migrations/20261211020000_enforcement_tipoff.ts';
import { enforcementEvidenceUpload } from './migrations/20261212020000_enforcement_evidence_upload.ts';
import { EVIDENCE_UPLOAD_SWEEP_JOB, sweepEvidenceUploads } from './penalty/upload-sweep.ts';
import { registerUploadRoutes } from './penalty/upload-routes.ts';
import { enforcementRemedies } from './migrations/20261213020000_enforcement_remedies.ts';
import { enforcementSuspension } from './migrations/20261215020000_enforcement_suspension.ts';
import { registerRemedyRoutes } from './remedies/routes.ts';
import { remedyScopedRoutes } from './remedies/scoped-routes.ts';
import { enforcementCertificateDocument } from './migrations/20261212010000_enforcement_certificate_document.ts';
import { enforcementQuestionVersion } from './migrations/20261213010000_enforcement_question_version.ts';
import { enforcementSessionMaterials } from './migrations/20261213010100_enforcement_session_materials.ts';

const G = '行政执法';

/** 行政执法: certified officers, the penalty case under 《行政处罚法》, 公示 and 法制审核 (see README.md). */
export const enforcement = defineModule({
  name: 'enforcement',
  label: G,
  permissions: [
    { code: P.read, label: '查看行政执法案件和执法人员', group: G },
    { code: P.handle, label: '办理行政处罚案件（立案、调查取证、告知、听证、送达、执行）', group: G },
    { code: P.review, label: '法制审核', group: G },
    { code: P.decide, label: '作出行政处罚决定、集体讨论、批准延期', group: G },
    { code: P.officers, label: '管理执法人员和行政执法证，登记学法计划和集体学法', group: G },
    { code: P.study, label: '管理学法题库和试卷（可查看答案）', group: G },
    { code: INFORMANT_PERMISSION, label: '查看举报人信息（仅承办单位，记入审计）', group: G },
  ],
  roles: {
    clerk: [P.read, P.handle, P.officers],
    leader: [P.read, P.review, P.decide, P.officers, INFORMANT_PERMISSION],
    policy: [P.read, P.review, P.study],
  },
  workflows: [penaltyWorkflow],
  routes: [registerEnforcementRoutes, registerStudyRoutes, registerTipoffRoutes, registerUploadRoutes, registerRemedyRoutes],
  dailyJobs: [{ name: EVIDENCE_UPLOAD_SWEEP_JOB, hour: 3, handler: async (ctx) => void (await sweepEvidenceUploads(ctx)) }],
  migrations: {
    '20261208120000_enforcement_core': enforcementCore,
    '20261208120100_enforcement_catalogue': enforcementCatalogue,
    '20261211010000_enforcement_study': enforcementStudy,
    '20261211020000_enforcement_tipoff': enforcementTipoff,
    '20261212010000_enforcement_certificate_document': enforcementCertificateDocument,
    '20261212020000_enforcement_evidence_upload': enforcementEvidenceUpload,
    '20261213010000_enforcement_question_version': enforcementQuestionVersion,
    '20261213010100_enforcement_session_materials': enforcementSessionMaterials,
    '20261213020000_enforcement_remedies': enforcementRemedies,
    '20261215020000_enforcement_suspension': enforcementSuspension,
  },
  async seedDemo(ctx) {
    const r = await seedEnforcementDemo(ctx);
    if (!r.skipped)
      ctx.logger.info(
        `演示行政执法：执法人员 ${r.officers} 名，案件 ${r.cases} 件，举报 ${r.tipoffs} 件，复议诉讼 ${r.remedies} 件，行政强制 ${r.coercions} 件`,
      );
    // 互联网+监管 检查行为 of 2019 (the catalogue's records) need the officers above.
    const i = await seedDemoInspections(ctx);
    if (!i.skipped) ctx.logger.info(`演示互联网+监管检查行为：${i.records} 条`);
    // The orgs 双随机 spot checks of 2019 draw their inspectors from the officers above and report 检查行为 too.
    const sc = await seedSpotCheckDemo(ctx);
    if (!sc.skipped) ctx.logger.info(`演示双随机抽查：${sc.checks} 次，整改通知书 ${sc.notices} 份，报送检查行为 ${sc.reported} 条`);
    const s = await seedStudyDemo(ctx);
    if (!s.skipped) ctx.logger.info(`演示学法用法：集体学法 ${s.sessions} 次，考试 ${s.attempts} 人次`);
  },
  reportSections: [enforcementReportSection],
  scopedRoutes: { ...enforcementScopedRoutes, ...studyScopedRoutes, ...remedyScopedRoutes },
});
