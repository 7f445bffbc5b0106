import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { dateLine, renderRedHeadDocx, renderRedHeadPdf, type RedHeadContent } from '../../../kernel/documents/index.ts';
import { caseReadable } from '../../../kernel/workflow/index.ts';
import { NORMDOC_ERRORS, NORMDOC_TYPE } from '../contract.ts';

/** 主送 of a document of the 厅 and of a city bureau. */
const RECIPIENT = { 宁民规发: '各市、县（区）民政局，厅机关各处（室）、直属各单位', city: '各县（区）民政局，局机关各科（室）' } as const;

type Row = {
  title: string;
  number: string;
  series_word: string;
  issuer: string;
  signed_on: string;
  published_on: string;
  effective_on: string;
  valid_until: string;
  text: string;
};

/**
 * A published 规范性文件 as a 红头文件 (GB/T 9704: 版头 with the red line, 发文字号, 标题, 主送, 正文 — the
 * text of its last version, one paragraph a line, closed by its 施行日期 and 有效期 — 落款 with the
 * 签发日期 as 成文日期, and the 版记: the issuing body's 办公室 and the 公布日期 as 印发日期). Rendered on
 * request with the kernel's renderers (the register row and its last version do not change once published).
 * `actor` null: the public copy. An unpublished document is not a valid document: 409 (404 outside scope).
 */
export async function officialDocument(ctx: AppContext, actor: Actor | null, id: string): Promise<{ content: RedHeadContent; fileName: string }> {
  let q = ctx.db.selectFrom('core.case as c').select('c.id').where('c.id', '=', id).where('c.type', '=', NORMDOC_TYPE);
  if (actor) q = q.where(caseReadable(actor, 'normdocs.read'));
  const seen = await q.executeTakeFirst();
  const r = seen
    ? (
        await sql<Row>`select d.title, d.number, d.series_word, coalesce(d.signed_on, d.numbered_on)::text as signed_on, d.published_on::text as published_on,
        d.effective_on::text as effective_on, d.valid_until::text as valid_until,
        case when o.kind = 'division' and p.name is not null then p.name else o.name end as issuer,
        (select v.text from normdocs.version v where v.case_id = d.case_id order by v.version_no desc limit 1) as text
      from normdocs.document d join core.case c on c.id = d.case_id join core.org_unit o on o.id = c.org_unit_id
      left join core.org_unit p on p.id = o.parent_id where d.case_id = ${id} and d.published_on is not null and d.number is not null`.execute(ctx.db)
      ).rows[0]
    : undefined;
  if (!seen || (!r && !actor)) throw new AppError('NORMDOC_NOT_FOUND', 404, NORMDOC_ERRORS.NOT_FOUND);
  if (!r) throw new AppError('NORMDOC_NOT_IN_FORCE', 409, NORMDOC_ERRORS.NOT_IN_FORCE);
  const paragraphs = r.text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  paragraphs.push(`本文件自${dateLine(r.effective_on)}起施行，有效期至${dateLine(r.valid_until)}。`);
  return {
    fileName: `${r.number}${r.title}`,
    content: {
      issuer: r.issuer,
      docNo: r.number,
      title: r.title,
      recipient: r.series_word === '宁民规发' ? RECIPIENT.宁民规发 : RECIPIENT.city,
      sections: [{ paragraphs }],
      date: r.signed_on,
      imprint: { by: `${r.issuer}办公室`, on: r.published_on },
    },
  };
}

export const renderOfficial = (format: 'pdf' | 'docx', c: RedHeadContent) => (format === 'pdf' ? renderRedHeadPdf(c) : renderRedHeadDocx(c));
