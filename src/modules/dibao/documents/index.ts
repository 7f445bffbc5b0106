import { AppError } from '../../../platform/errors.ts';
import { dateLine, defineDocument } from '../../../kernel/documents/index.ts';

import { DIBAO_TYPE, LEGAL } from '../contract.ts';
import { yuanText } from '../../../platform/money.ts';
import { applicationFacts, type ApplicationFacts } from './application-facts.ts';
import { placeOf, remedyText } from './remedy.ts';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { dibaoRecheckDecision } from './recheck-decision.ts';
import { dibaoStopNotice } from './stop-notice.ts';
import { dibaoMaterialsNotice } from './materials-notice.ts';
import { measuresOn } from '../law.ts';

/** The national procedure in force on the decision day (law.ts). */
const measuresOf = (tx: AppContext, day: string | null) => measuresOn(tx, day ?? chinaDate(tx.clock.now()));

/** 行政复议 / 行政诉讼 by the law in force on the decision day, naming the 复议机关 and the court (remedy.ts). */
const remedyFor = async (tx: AppContext, f: ApplicationFacts) =>
  remedyText(f.decidedOn ?? chinaDate(tx.clock.now()), f.authority, await placeOf(tx, f.countyCode));
const mismatch = (what: string) => new AppError('DOCUMENT_FACTS_MISSING', 409, `本案尚未作出${what}决定\uff0c不能出具该文书`);
const on = (d: string | null) => (d ? dateLine(d) : '');

/** 最低生活保障确认通知书: issued with the 确认同意 decision. */
export const dibaoConfirmation = defineDocument({
  type: 'dibao.confirmation',
  caseType: DIBAO_TYPE,
  title: '最低生活保障确认通知书',
  numberPrefix: '低保确',
  issuePermission: 'dibao.confirm',
  issuableIn: ['confirmed'],
  docx: true,
  async fill(tx, c) {
    const f = await applicationFacts(tx, c);
    if (f.decision !== '确认' || !f.benefit) throw mismatch('确认同意');
    const b = f.benefit;
    return {
      recipient: f.applicant,
      body: [
        `您${f.acceptedOn ? `于${on(f.acceptedOn)}` : ''}提出的最低生活保障申请（编号 ${f.refNo}），经审核，本机关于${on(f.decidedOn)}确认同意，依据${LEGAL.interim}和${await measuresOf(tx, f.decidedOn)}。`,
        `核定您家庭月最低生活保障金 ${yuanText(b.amountCents)} 元，保障人口 ${b.insuredPersons} 人，自${on(b.benefitFrom)}起按月发放。`,
        ...(b.steps.length ? [`计算过程：${b.steps.join(';')}。`.replace(/。。$/, '。')] : []),
        `请如实报告家庭人口、收入和财产状况的变化。本机关将${f.cadence === 'half_yearly' ? '每半年' : '每年'}复核一次。`,
      ],
      remedy: await remedyFor(tx, f),
    };
  },
});

/** 不予确认通知书: the reasons, issued when it is served (送达不予确认通知书). */
export const dibaoRefusal = defineDocument({
  type: 'dibao.refusal',
  caseType: DIBAO_TYPE,
  title: '最低生活保障不予确认通知书',
  numberPrefix: '低保不确',
  issuePermission: 'dibao.handle',
  issuableIn: ['refusing', 'refused'],
  docx: true,
  async fill(tx, c) {
    const f = await applicationFacts(tx, c);
    if (f.decision !== '不予确认' || !f.refusalReasons) throw mismatch('不予确认');
    return {
      recipient: f.applicant,
      body: [
        `您${f.acceptedOn ? `于${on(f.acceptedOn)}` : ''}提出的最低生活保障申请（编号 ${f.refNo}），经审核，本机关于${on(f.decidedOn)}决定不予确认。`,
        `理由：${f.refusalReasons.replace(/[。.]$/, '')}。依据：${LEGAL.interim}、${await measuresOf(tx, f.decidedOn)}。`,
      ],
      remedy: await remedyFor(tx, f),
    };
  },
});

/** 不予受理告知书: issued with the 不予受理 decision (the application was never accepted). */
export const dibaoNotAccepted = defineDocument({
  type: 'dibao.not_accepted',
  caseType: DIBAO_TYPE,
  title: '最低生活保障申请不予受理告知书',
  numberPrefix: '低保不受',
  issuePermission: 'dibao.handle',
  issuableIn: ['not_accepted'],
  docx: true,
  async fill(tx, c) {
    const f = await applicationFacts(tx, c);
    if (!f.notAccepted) throw mismatch('不予受理');
    return {
      recipient: f.applicant,
      body: [
        `您提出的最低生活保障申请（编号 ${f.refNo}），经审查，本机关于${on(f.notAccepted.on)}决定不予受理。`,
        `理由：${f.notAccepted.code};${f.notAccepted.reason.replace(/[。.]$/, '')}。依据：${LEGAL.interim}第十一条、${await measuresOf(tx, f.notAccepted.on)}。`,
        '符合条件后，您可以再次向户籍所在地乡镇人民政府（街道办事处）提出申请。',
      ],
      remedy: remedyText(f.notAccepted.on, 'township', await placeOf(tx, f.countyCode)),
    };
  },
});

export const DIBAO_DOCUMENTS = {
  confirmation: dibaoConfirmation,
  refusal: dibaoRefusal,
  notAccepted: dibaoNotAccepted,
  recheckDecision: dibaoRecheckDecision,
  stop: dibaoStopNotice,
  materials: dibaoMaterialsNotice,
} as const;
