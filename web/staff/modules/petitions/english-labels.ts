import type { CaseLabelsEn } from '../../app/web-module.ts';

/** English for the server's Chinese labels of 信访事项 (states, steps, clocks); the server's words are the law's. */
export const petitionLabelsEn: CaseLabelsEn = {
  type: 'Letters and visits matter',
  states: {
    registered: 'Registered (screening)', accepted: 'Accepted', refused: 'Not accepted', simple: 'Simplified handling', handling: 'In handling',
    drafted: 'Draft reply awaiting approval', approved: 'Approved', delivered: 'Reply served', closed: 'Concluded', review_requested: 'Review requested',
    reviewing: 'Under review', reviewed: 'Review concluded', recheck_requested: 'Re-examination requested', rechecking: 'Under re-examination', final: 'Final',
  },
  transitions: {
    create: 'Registered', accept: 'Accept (written notice)', refuse: 'Do not accept', simplify: 'Simplified handling', start: 'Start handling', draft: 'Draft reply',
    approve: 'Approve', deliver: 'Serve the reply', close: 'Conclude', request_review: 'Request review', start_review: 'Accept the review',
    conclude_review: 'Review opinion', request_recheck: 'Request re-examination', start_recheck: 'Accept the re-examination',
    conclude_recheck: 'Re-examination opinion (final)', rate: 'Satisfaction rating (online)', record_rating: 'Record satisfaction rating',
    lead: 'Leader takes the case', follow_up: 'Schedule follow-up visits', follow_up_result: 'Record follow-up result',
  },
  clocks: { triage: 'Screening and acceptance period', handle: 'Handling period', simple: 'Simplified handling period', review: 'Review period', recheck: 'Re-examination period' },
};
