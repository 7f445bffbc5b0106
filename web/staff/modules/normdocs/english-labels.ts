import type { CaseLabelsEn } from '../../app/web-module.ts';

/** English for the server's Chinese labels of 规范性文件. */
export const normdocLabelsEn: CaseLabelsEn = {
  type: 'Normative document',
  states: {
    drafting: 'Drafting',
    consulting: 'Public consultation',
    reviewing: 'Legality review',
    reviewed: 'Reviewed, awaiting collective deliberation',
    deliberated: 'Deliberated, awaiting signature',
    signed: 'Signed, awaiting registration number',
    numbered: 'Numbered, awaiting publication',
    published: 'Published, awaiting filing',
    filed: 'Filed (in force)',
    revised: 'Revised (replaced by the new document)',
    continued: 'Continued (registered again under a new number and period)',
  },
  transitions: {
    create: 'Draft',
    consult: 'Open the consultation',
    submit_review: 'Send for legality review',
    review_pass: 'Legality review passed',
    review_return: 'Legality review failed, back for changes',
    deliberate: 'Collective deliberation',
    sign: 'Leader signs',
    number: 'Register and number',
    publish: 'Publish',
    file: 'File for the record',
    supersede: 'Replaced by the published revision',
    reissue: 'Continue in force (new number and period)',
    register_continuation: 'Register and publish the continuation',
    revise: 'New draft version',
    comment: 'Record a comment',
    dispose: 'Dispose of a comment',
  },
  clocks: { review: 'Legality review (15 working days)', filing: 'Filing (30 days from publication)' },
};
