/** 政策问答 vocabularies and error texts (no server code: the console and the portal import them). */
export const QA_CATEGORIES = ['最低生活保障', '特困人员供养', '临时救助', '高龄津贴', '残疾人两项补贴', '养老服务', '社会组织', '城乡社区'] as const;
export type QaCategory = (typeof QA_CATEGORIES)[number];

/** published 已发布 (on the portal) · flagged 待复核 (hidden) · withdrawn 已撤下 (hidden). */
export const QA_STATUSES = ['published', 'flagged', 'withdrawn'] as const;
export type QaStatus = (typeof QA_STATUSES)[number];
export const QA_STATUS_LABEL: Record<QaStatus, string> = { published: '已发布', flagged: '待复核（政策已修改或废止）', withdrawn: '已撤下' };

export const POLICYQA_ERRORS = {
  NOT_FOUND: '政策问答不存在',
  DOCUMENT_NOT_FOUND: '关联的规范性文件不存在',
  NO_POLICY: '请关联一件规范性文件，或填写所解读政策的名称',
  NOT_FLAGGED: '该问答不在待复核状态',
  ALREADY_RATED: '您已评价过这条问答，谢谢',
} as const;
