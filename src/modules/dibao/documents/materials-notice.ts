import { sql } from 'kysely';
import { AppError } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { dateLine, defineDocument } from '../../../kernel/documents/index.ts';
import { DIBAO_TYPE, LEGAL } from '../contract.ts';
import { measuresOn } from '../law.ts';
import { applicationFacts } from './application-facts.ts';

/**
 * 补齐材料一次性告知书: every missing material of a 低保 application, told at once (民发〔2021〕57号 受理;
 * 《社会救助暂行办法》第十一条), from the list the clerk recorded; issued by the 一次性告知补齐材料 step
 * (`request_materials`) and served with it. Materials complete, the township accepts and the period counts from 受理.
 */
export const dibaoMaterialsNotice = defineDocument({
  type: 'dibao.materials',
  caseType: DIBAO_TYPE,
  title: '最低生活保障补齐材料一次性告知书',
  numberPrefix: '低保补告',
  issuePermission: 'dibao.handle',
  issuableIn: ['supplementing'],
  docx: true,
  async fill(tx, c) {
    const r = (
      await sql<{ missing_materials: unknown; created_at: Date }>`select missing_materials, created_at from dibao.application where case_id = ${c.id}`.execute(
        tx.db,
      )
    ).rows[0];
    const m = (typeof r?.missing_materials === 'string' ? JSON.parse(r.missing_materials) : r?.missing_materials) as {
      items?: string[];
      toldOn?: string;
    } | null;
    if (!r || !m?.toldOn || !m.items?.length) throw new AppError('DOCUMENT_FACTS_MISSING', 409, '尚未一次性告知需补齐的材料，不能出具该文书');
    const f = await applicationFacts(tx, c);
    return {
      recipient: f.applicant,
      body: [
        `您于${dateLine(chinaDate(new Date(r.created_at)))}提出的最低生活保障申请（编号 ${f.refNo}），经审查，申请材料不齐全。依照${LEGAL.interim}第十一条和${await measuresOn(tx, m.toldOn)}，现一次性告知您需补齐的全部材料：`,
        ...m.items.map((item, i) => `${i + 1}．${item.replace(/[。.；;]$/, '')}。`),
        '请将上述材料提交至本机关。材料补齐后，本机关予以受理，审核确认期限自受理之日起计算。',
      ],
      remedy: null,
    };
  },
});
