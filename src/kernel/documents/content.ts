/**
 * What a document says, independent of the file format: a template fills it from the case,
 * the issuing step adds the number, version and verification code. Both renderers (PDF, docx)
 * read only this, and it is kept with the issued row, so the editable copy says what the PDF says.
 */
export type DocumentContent = {
  /** 标题, e.g. 信访事项处理意见书. */
  title: string;
  /** 发文字号 line, e.g. 信处意〔2026〕12号. */
  docNo: string;
  version: number;
  /** 主送: the addressee, without the trailing colon. */
  recipient: string;
  /** 正文 paragraphs (each indented two characters). */
  body: string[];
  /** 救济途径 (remedy), printed as the last body paragraph. */
  remedy: string | null;
  /** 发文机关署名. */
  issuer: string;
  /** 成文日期, YYYY-MM-DD (printed as 2026年6月1日). */
  date: string;
  /** Verification line printed as 附注 below the date. */
  verifyCode: string;
};

export { fullWidth } from '../../platform/full-width.ts';

/** 成文日期 in Arabic numerals without leading zeros (GB/T 9704-2012 7.3.5.4). */
export function dateLine(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

/** The 附注 line every document carries: where and how to check it. */
export function verifyNote(c: Pick<DocumentContent, 'docNo' | 'verifyCode'>): string {
  return `\uff08凭文书编号和验证码 ${c.verifyCode} 可在民政法治政务平台公众门户「文书查验」页查验真伪\uff09`;
}

/** 发文字号 line, with the version after the first issue. */
export function numberLine(c: Pick<DocumentContent, 'docNo' | 'version'>): string {
  return c.version > 1 ? `${c.docNo}\uff08第 ${c.version} 版\uff09` : c.docNo;
}

/** 主送 line: the addressee and a full-width colon. */
export const recipientLine = (c: Pick<DocumentContent, 'recipient'>) => `${c.recipient}\uff1a`;
