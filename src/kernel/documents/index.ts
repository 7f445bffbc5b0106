// Public entry point of kernel/documents: modules import it from here only.
export { dateLine } from './content.ts';
export { defineDocument, defineSubjectDocument } from './define-document.ts';
export { issueDocument } from './issue-document.ts';
export { issueSubjectDocument } from './issue-subject-document.ts';
export { PAGE_PROPERTIES, folioFooter } from './render-docx.ts';
