import type { CaseLabelsEn } from '../../app/web-module.ts';

/** English for the server's Chinese labels of 建议提案 and its 协办 parts. */
export const proposalLabelsEn: CaseLabelsEn = {
  type: 'Deputy suggestion / CPPCC proposal',
  states: {
    registered: 'Assigned, awaiting receipt',
    returned: 'Returned with objection',
    handling: 'In handling',
    drafted: 'Reply awaiting signature',
    answered: 'Answered, awaiting feedback',
    reworking: 'Handled again',
    rated: 'Rated',
    closed: 'Concluded',
  },
  transitions: {
    create: 'Registered (assignment)',
    sign: 'Acknowledge receipt',
    object: 'Return with objection (not our remit)',
    extend: 'Extend the reply period with the deputy’s consent',
    draft: 'Draft the reply',
    approve: 'Leader signs the reply',
    rate: 'Feedback (satisfied / basically satisfied)',
    rework: 'Feedback (dissatisfied, handle again)',
    close: 'Conclude',
    contact: 'Record a meeting or contact',
    implementation: 'Second reply once carried out (B, C)',
    disclose: 'Deputy / member agrees to publish the reply',
  },
  clocks: {
    sign: 'Receipt and objection period (5 days)',
    reply: 'Reply period (3 months)',
    reply_extended: 'Reply period (6 months with consent)',
    lead_reply: 'Opinion to the lead office (1 month, as co-handler)',
    rework: 'Re-handling period (1 month)',
  },
};

export const proposalPartLabelsEn: CaseLabelsEn = {
  type: 'Co-handling of a suggestion / proposal',
  states: { open: 'Co-handling', answered: 'Opinion sent to the lead office' },
  transitions: { create: 'Sent for co-handling', opinion: 'Send the opinion to the lead office' },
  clocks: { assist: 'Opinion to the lead office (1 month)' },
};
