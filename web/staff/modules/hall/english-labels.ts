import type { CaseLabelsEn } from '../../app/web-module.ts';

/** English for the server's Chinese labels of 政务服务办件 and 差评整改. */
export const applicationLabelsEn: CaseLabelsEn = {
  type: 'Service application',
  states: {
    submitted: 'Submitted, awaiting acceptance',
    correcting: 'Awaiting correction',
    accepted: 'Accepted, in handling',
    not_accepted: 'Not accepted',
    approved: 'Approved, awaiting delivery',
    refused: 'Refused, awaiting delivery',
    delivered: 'Finished',
  },
  transitions: {
    create: 'Application submitted',
    correct: 'One-time correction notice',
    resubmit: 'Correction completed',
    accept: 'Accept',
    not_accept: 'Do not accept',
    approve: 'Approve (issue the e-certificate)',
    refuse: 'Refuse',
    deliver: 'Deliver the result',
    visit: 'Record a visit',
  },
  clocks: { promise: 'Promised period' },
};

export const complaintLabelsEn: CaseLabelsEn = {
  type: 'Negative rating',
  states: {
    verifying: 'Awaiting call-back',
    verified: 'Verified, awaiting rectification',
    rectifying: 'Rectifying within a period',
    rectified: 'Rectified, awaiting feedback',
    closed: 'Fed back, closed',
    appealing: 'Appeal under review',
    invalidated: 'Appeal upheld, rating left out',
  },
  transitions: {
    create: 'Opened from a negative rating',
    verify: 'Call back and verify',
    rectify_now: 'Fix at once or explain',
    rectify_later: 'Rectify within a period',
    rectified: 'Rectification done',
    feedback: 'Feedback to the citizen',
    appeal: 'Appeal (mistaken or malicious rating)',
    uphold: 'Appeal upheld',
    dismiss: 'Appeal dismissed',
  },
  clocks: { rectify: 'Rectification period' },
};
