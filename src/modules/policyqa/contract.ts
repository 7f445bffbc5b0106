/**
 * 政策问答 (policy Q&A, like the 2019 report's 社会救助政策50问): entries tied to the policy documents
 * they explain — a 规范性文件 of the normdocs module by its id, or a free-text policy title. When a
 * linked document is amended or repealed its answers are flagged for review (待复核) and hidden from
 * the portal until a reviewer keeps or withdraws them.
 */
export { flagAnswersForDocument } from './entries/flag-answers.ts';
export * from './contracts/vocab.ts';
