import { AlertOutlined, AuditOutlined, BankOutlined, FormOutlined, IdcardOutlined, ReadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineWebModule } from '../../app/web-module.ts';
import { navZh } from './nav-i18n.ts';
import type { zh } from './i18n.ts';

const EnforcementCasesPage = lazy(() => import('./EnforcementCasesPage.tsx').then((m) => ({ default: m.EnforcementCasesPage })));
const TipoffsPage = lazy(() => import('./TipoffsPage.tsx').then((m) => ({ default: m.TipoffsPage })));
const TipoffPage = lazy(() => import('./TipoffPage.tsx').then((m) => ({ default: m.TipoffPage })));
const OfficersPage = lazy(() => import('./OfficersPage.tsx').then((m) => ({ default: m.OfficersPage })));
const StudyPage = lazy(() => import('./StudyPage.tsx').then((m) => ({ default: m.StudyPage })));
const ExamsPage = lazy(() => import('./ExamsPage.tsx').then((m) => ({ default: m.ExamsPage })));
const ExamTakePage = lazy(() => import('./ExamTakePage.tsx').then((m) => ({ default: m.ExamTakePage })));
const EvidencePanel = lazy(() => import('./EvidencePanel.tsx').then((m) => ({ default: m.EvidencePanel })));
const RemediesPage = lazy(() => import('./RemediesPage.tsx').then((m) => ({ default: m.RemediesPage })));
const AttemptPage = lazy(() => import('./AttemptPage.tsx').then((m) => ({ default: m.AttemptPage })));

/** 行政执法: the console's web half of the enforcement module. */
export const enforcement = defineWebModule<typeof navZh & typeof zh>({
  key: 'enforcement',
  label: 'enforcement.module',
  icon: <SafetyCertificateOutlined />,
  nav: [
    { path: '/enforcement', label: 'enforcement.nav.cases', icon: <AuditOutlined />, permission: 'enforcement.read' },
    { path: '/enforcement/tipoffs', label: 'enforcement.nav.tipoffs', icon: <AlertOutlined />, permission: 'enforcement.read' },
    { path: '/enforcement/remedies', label: 'enforcement.nav.remedies', icon: <BankOutlined />, permission: 'enforcement.read' },
    { path: '/enforcement/officers', label: 'enforcement.nav.officers', icon: <IdcardOutlined />, permission: 'enforcement.read' },
    { path: '/enforcement/study', label: 'enforcement.nav.study', icon: <ReadOutlined />, permission: 'enforcement.read' },
    { path: '/enforcement/exams', label: 'enforcement.nav.exams', icon: <FormOutlined />, permission: 'enforcement.read' },
  ],
  routes: [
    { path: '/enforcement', page: EnforcementCasesPage },
    { path: '/enforcement/tipoffs', page: TipoffsPage },
    { path: '/enforcement/tipoffs/:id', page: TipoffPage, permission: 'enforcement.read' },
    { path: '/enforcement/remedies', page: RemediesPage, permission: 'enforcement.read' },
    { path: '/enforcement/officers', page: OfficersPage },
    { path: '/enforcement/study', page: StudyPage, permission: 'enforcement.read' },
    { path: '/enforcement/exams', page: ExamsPage, permission: 'enforcement.read' },
    { path: '/enforcement/exams/:id', page: ExamTakePage, permission: 'enforcement.read' },
    { path: '/enforcement/exams/attempts/:id', page: AttemptPage, permission: 'enforcement.read' },
  ],
  caseTypes: { enforcement_penalty: { panel: EvidencePanel, english: () => import('./english-labels.ts').then((m) => m.penaltyLabelsEn) } },
  messages: {
    nav: navZh,
    zh: () => import('./i18n.ts').then((m) => m.zh),
    en: async () => {
      const [a, b] = await Promise.all([import('./nav-i18n.en.ts'), import('./i18n.en.ts')]);
      return { ...a.navEn, ...b.en };
    },
  },
  audit: {
    actions: {
      'enforcement.officer.status': ['变更行政执法证状态', 'Change certificate status'],
      'enforcement.exam.submit': ['学法考试交卷', 'Submit a law-study exam'],
      'enforcement.evidence.download': ['下载证据文件', 'Download an evidence file'],
      'enforcement.study_plan.edit': ['修改学法计划', 'Edit a study plan'],
      'enforcement.question.edit': ['修改试题', 'Edit a question'],
      'enforcement.exam.edit': ['修改试卷', 'Edit an exam paper'],
      'enforcement.tipoff.receive': ['登记举报', 'Register a report'],
      'enforcement.tipoff.verify': ['举报核查', 'Verify a report'],
      'enforcement.tipoff.decide': ['举报处理决定', 'Decide on a report'],
      'enforcement.tipoff.reply': ['答复举报人', 'Reply to an informant'],
      'enforcement.remedy.record': ['登记行政复议、行政诉讼', 'Register an appeal'],
      'enforcement.remedy.update': ['更新行政复议、行政诉讼', 'Update an appeal'],
      'enforcement.coercion.record': ['登记行政强制', 'Register a coercive measure'],
    },
    entities: {
      enforcement_officer: ['执法人员', 'Enforcement officer'],
      enforcement_exam_attempt: ['学法考试成绩', 'Law-study exam result'],
      enforcement_tipoff: ['举报', 'Report of a violation'],
      enforcement_remedy: ['行政复议、行政诉讼', 'Appeal'],
      enforcement_coercion: ['行政强制', 'Coercive measure'],
    },
  },
});
