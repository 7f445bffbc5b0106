import { yuanText } from '../../../platform/money.ts';
import { onNormdocPublished } from '../../normdocs/contract.ts';
import { onPenaltyDecided } from '../../enforcement/contract.ts';
import { onDibaoPosted } from '../../dibao/contract.ts';
import { onCreditListed } from '../../orgs/contract.ts';
import type { AppContext } from '../../../platform/context.ts';
import { addDaysIso } from '../../../kernel/calendar/index.ts';
import { draftFromModule as draft, type FedItem } from './draft-from-module.ts';

/** The heading of a posted 低保 list: what 第十五条 leaves out. */
export const DIBAO_LIST_HEADING = '依照《政府信息公开条例》第十五条，姓名已部分隐去，不公开身份证件号码和家庭住址。';

/**
 * A draft for the office, unless the act is demo history (AppContext.replay) formed more than 28 days (about the 20
 * working days of 第二十六条) before today: those catalogues are what they are (2019's 189 items), and a list that
 * would already be overdue, waiting for 审核发布 since months or years, is no work for today. Recent acts still feed.
 */
async function draftFromModule(tx: AppContext, f: FedItem) {
  if (tx.replay && f.formedOn < addDaysIso(tx.replay.today, -28)) return;
  await draft(tx, f);
}

/**
 * Items other modules produce go into the 主动公开 catalogue as drafts for the generating office
 * (draftFromModule): each listens to the source module's event, in its transaction. Registered once,
 * when the disclosure manifest is imported.
 */
export function listenToSources() {
  onNormdocPublished(async (tx, d) => {
    await draftFromModule(tx, {
      key: `normdocs:${d.caseId}`,
      source: '规范性文件公布',
      link: `/cases/${d.caseId}`,
      orgUnitId: d.orgUnitId,
      title: d.number ? `${d.title}（${d.number}）` : d.title,
      category: 1,
      formedOn: d.publishedOn,
      summary: `${d.number ?? ''}${d.title}，${d.publishedOn} 公布，${d.effectiveOn} 起施行，有效期至 ${d.validUntil}。${d.publishedIn ? `公布载体：${d.publishedIn}。` : ''}`,
    });
  });
  onPenaltyDecided(async (tx, p) => {
    await draftFromModule(tx, {
      key: `enforcement:${p.caseId}`,
      source: '行政处罚决定',
      link: `/cases/${p.caseId}`,
      orgUnitId: p.orgUnitId,
      title: `行政处罚决定书（${p.decisionNo}）`,
      category: 6,
      formedOn: p.decidedOn,
      summary:
        `当事人：${p.party}；违法行为：${p.powerName}；处罚种类：${p.penaltyKinds.join('、')}` +
        `${p.fine ? `；罚款 ${yuanText(Math.round(p.fine * 100))} 元` : ''}；决定日期：${p.decidedOn}。`,
    });
  });
  onDibaoPosted(async (tx, e) => {
    const amount = e.entry.amountCents ? `，月保障金 ${yuanText(e.entry.amountCents)} 元` : '';
    await draftFromModule(tx, {
      key: `dibao:${e.kind}:${e.sourceId}`,
      source: `低保${e.kind}`,
      link: `/cases/${e.caseId}`,
      orgUnitId: e.orgUnitId,
      title: `${e.areaName}城乡最低生活保障${e.kind}名单（${e.postedOn}）`,
      category: 11,
      formedOn: e.postedOn,
      summary: DIBAO_LIST_HEADING,
      list: {
        key: `dibao:${e.kind}:${e.areaCode}:${e.postedOn}`,
        line: `${e.entry.name}，家庭人口 ${e.entry.householdSize} 人，保障人数 ${e.entry.insuredPersons} 人${amount}`,
      },
    });
  });
  onCreditListed(async (tx, l) => {
    await draftFromModule(tx, {
      key: `orgs:${l.listingId}`,
      source: '社会组织信用名单',
      link: `/orgs/${l.organizationId}`,
      orgUnitId: l.orgUnitId,
      title: `${l.organization}列入${l.listLabel}`,
      category: 15,
      formedOn: l.listedOn,
      summary: `${l.organization}（统一社会信用代码 ${l.uscc}）于 ${l.listedOn} 列入${l.listLabel}。列入事由：${l.reasonLabel}。`,
    });
  });
}
