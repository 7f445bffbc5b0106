// Public entry point of kernel/documents: modules import it from here only.
export { dateLine } from './content.ts';
export { defineDocument } from './define-document.ts';
export { issueDocument } from './issue-document.ts';
export { PAGE_PROPERTIES, folioFooter } from './render-docx.ts';
