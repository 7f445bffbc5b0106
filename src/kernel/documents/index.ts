// Public entry point of kernel/documents: modules import it from here only.
export { dateLine } from './content.ts';
export { defineDocument, defineSubjectDocument } from './define-document.ts';
export { issueDocument } from './issue-document.ts';
export { issueSubjectDocument } from './issue-subject-document.ts';
export { PAGE_PROPERTIES, folioFooter } from './render-docx.ts';
export type { RedHeadContent } from './red-head.ts';
export { renderRedHeadDocx } from './render-red-head-docx.ts';
export { renderRedHeadPdf } from './render-red-head-pdf.ts';
export { attachmentDisposition, DOCX_TYPE, sendDocumentPdf } from './download.ts';
export { addStatSheet, dateCell, monthCell, periodText, rateCell, filedBy, timeCell, yuanCell } from './stat-sheet.ts';
export type { FiledBy, SheetHead, StatCell, StatSheet } from './stat-sheet.ts';
