import type { CaseLabelsEn } from '../../app/web-module.ts';

const states = { filed: 'Under review', approved: 'Registered', refused: 'Registration refused' };

/** English for the server's Chinese labels of the 社会组织 登记 cases (states, steps, clocks). */
export const establishLabelsEn: CaseLabelsEn = {
  type: 'Social organization: establishment registration',
  states,
  transitions: { create: 'Documents received (complete)', approve: 'Register', refuse: 'Refuse registration' },
  clocks: { decide: 'Decision period (60 days)' },
};
export const changeLabelsEn: CaseLabelsEn = {
  type: 'Social organization: change registration',
  states,
  transitions: { create: 'Application received', approve: 'Register the change', refuse: 'Refuse registration' },
};
export const deregisterLabelsEn: CaseLabelsEn = {
  type: 'Social organization: deregistration',
  states,
  transitions: { create: 'Application received', approve: 'Deregister', refuse: 'Refuse registration' },
};
