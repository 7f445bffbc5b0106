/**
 * A 红头文件 (GB/T 9704-2012 with 版头): what both renderers (render-red-head-docx.ts, render-red-head-pdf.ts)
 * read. Used by the annual report (src/kernel/report) and by modules that publish their own documents
 * (规范性文件): 版头 (发文机关标志 in red, 发文字号, red line), 标题, 主送, 正文 (sections with an optional
 * 一级标题), 落款 (发文机关署名 and 成文日期), an optional 附件 page, and an optional 版记 (印发机关和印发日期).
 */
export type RedHeadContent = {
  /** 发文机关署名; the 版头 reads 「<issuer>文件」. */
  issuer: string;
  /** 发文字号, e.g. 宁民规发〔2026〕1号. */
  docNo: string;
  title: string;
  /** 主送, without the colon; empty for none. */
  recipient: string;
  sections: { heading?: string; paragraphs: string[] }[];
  /** 成文日期, YYYY-MM-DD. */
  date: string;
  /** 附件 on a new page after the 落款. */
  appendix?: { label: string; title: string; paragraphs: string[] } | null;
  /** 版记 at the foot of the last page: 印发机关 and 印发日期 (YYYY-MM-DD) between two lines. */
  imprint?: { by: string; on: string } | null;
  /** docx metadata (description). */
  description?: string;
};

/** The red of the 版头 and its separator line (GB/T 9704 7.2.4). */
export const RED_HEAD_COLOUR = 'C00000';
/** 印发日期 line of the 版记: 「2026年6月1日印发」. */
export const printedOn = (dateLine: string) => `${dateLine}印发`;
