import { dateLine, defineSubjectDocument } from '../../../kernel/documents/index.ts';

/** What a 整改通知书 is issued from: one organization's item of a spot check (subject id `spotCheckId:organizationId`). */
export const SPOT_ITEM_SUBJECT = 'orgs_spot_check_item';

/**
 * 整改通知书: an inspection of a drawn organization found problems (《社会组织抽查暂行办法》, 民发〔2017〕45号); the
 * registrar tells it what and by when to rectify, and that a missed deadline lists it on the 活动异常名录 (民政部令第60号:
 * 在抽查和其他监督检查中发现问题，发放整改文书要求限期整改，未按期完成整改). A kernel subject document: numbered
 * 社整改〔年〕n号 per year, verification code, GB/T 9704 PDF; staff of the authority's area read it.
 */
export const rectificationNotice = defineSubjectDocument({
  type: `${SPOT_ITEM_SUBJECT}.rectification_notice`,
  subjectType: SPOT_ITEM_SUBJECT,
  title: '整改通知书',
  numberPrefix: '社整改',
  readPermission: 'orgs.read',
  docx: true,
});

const METHOD = { desk: '书面检查', onsite: '现场检查' } as const;

/** The notice's text from the inspection record. */
export function rectificationNoticeFill(x: {
  organization: string;
  uscc: string;
  authority: string;
  spotCheckTitle: string;
  method: 'desk' | 'onsite';
  inspectedOn: string;
  findings: string;
  rectifyBy: string;
}) {
  return {
    recipient: x.organization,
    issuer: x.authority,
    body: [
      `根据《社会组织抽查暂行办法》（民发〔2017〕45号），本机关在${x.spotCheckTitle}中于${dateLine(x.inspectedOn)}对你单位（统一社会信用代码${x.uscc}）进行了${METHOD[x.method]}。`,
      `检查发现以下问题：${x.findings}`,
      `请你单位于${dateLine(x.rectifyBy)}前完成整改，并将整改情况书面报告本机关。`,
      `逾期未完成整改的，依照《社会组织信用信息管理办法》（民政部令第60号），本机关将你单位列入活动异常名录。`,
    ],
    remedy: null,
  };
}
