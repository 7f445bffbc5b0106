import type { zh } from './i18n.ts';

/** English of this file's messages (loaded only when the console is in English). */
export const en: Record<keyof typeof zh, string> = {
  'policyqa.list.desc':
    'Each answer is tied to the policy it explains: when the policy is amended or repealed, its answers are flagged for review and hidden from the portal until reviewed.',
  'policyqa.f.q': 'Question, answer or policy',
  'policyqa.c.seq': 'No.',
  'policyqa.c.question': 'Question',
  'policyqa.c.category': 'Category',
  'policyqa.c.policy': 'Policy',
  'policyqa.c.status': 'Status',
  'policyqa.c.helpful': 'Helpful / not',
  'policyqa.c.actions': 'Actions',
  'policyqa.new': 'New entry',
  'policyqa.edit': 'Edit',
  'policyqa.flag': 'Flag for review',
  'policyqa.flagDoc': 'Flag all answers to this document',
  'policyqa.review': 'Review',
  'policyqa.keep': 'Keep published',
  'policyqa.withdraw': 'Withdraw',
  'policyqa.reason': 'Reason (e.g. the document was repealed)',
  'policyqa.note': 'Review note',
  'policyqa.f.answer': 'Answer',
  'policyqa.f.documentId': 'Linked normative document ID (optional)',
  'policyqa.f.policyTitle': 'Policy title (required without a document)',
  'policyqa.flagged.by': 'Flagged: {reason}',
  'policyqa.saved': 'Saved',
  'policyqa.required': 'Required',
};
