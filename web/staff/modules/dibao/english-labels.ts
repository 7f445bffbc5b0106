import type { CaseLabelsEn } from '../../app/web-module.ts';

/** English for the server's Chinese labels of 低保 applications and re-checks (states, steps, clocks). */
export const dibaoLabelsEn: CaseLabelsEn = {
  type: 'Minimum living allowance application',
  states: {
    applied: 'Applied (awaiting acceptance)',
    supplementing: 'Awaiting missing materials',
    checking: 'Financial status check',
    investigating: 'Home visit',
    investigated: 'Visited (awaiting appraisal or review)',
    appraised: 'Community appraisal done',
    reviewed: 'Township reviewed (awaiting public notice)',
    publicizing: 'Public notice',
    reinvestigating: 'Objection under re-investigation',
    awaiting_confirm: 'Awaiting confirmation',
    confirmed: 'Confirmed',
    refusing: 'Refused (awaiting written notice)',
    refused: 'Refused',
    withdrawn: 'Withdrawn by the applicant',
    not_accepted: 'Not accepted',
  },
  transitions: {
    create: 'Application registered',
    not_accept: 'Do not accept (written reasons)',
    request_materials: 'Ask for the missing materials (once)',
    accept: 'Accept',
    verify: 'Check financial status',
    investigate: 'Home visit',
    appraise: 'Community appraisal',
    review: 'Township review opinion',
    publicize: 'Post the public notice',
    object: 'Record an objection (start re-investigation)',
    objection_unfounded: 'Re-investigation: objection unfounded (post the notice again)',
    objection_founded: 'Re-investigation: objection founded (not recommended, to the decision)',
    end_publicity: 'Public notice ended without objection',
    skip_publicity: 'Submit for confirmation (not recommended, no notice)',
    confirm: 'Confirm',
    refuse: 'Refuse',
    send_notice: 'Serve the refusal notice',
    withdraw: 'Applicant withdraws',
    extend_special: 'Approve the longer period (special circumstances)',
    publish: 'Publish in the village',
    county_visit: 'County home visit (staff relative)',
  },
  clocks: {
    total: 'Time limit for review and confirmation',
    'total-special': 'Time limit for review and confirmation (special, from acceptance)',
    notice: 'Written notice period',
    publicity: 'Public notice, round {n}',
    objection_review: 'Re-investigation of the objection',
  },
};

/** English for the 低保 re-check case type. */
export const recheckLabelsEn: CaseLabelsEn = {
  type: 'Minimum living allowance re-check',
  states: { open: 'Awaiting re-check', deciding: 'Awaiting the decision on a change', done: 'Re-checked' },
  transitions: {
    create: 'Re-check opened',
    conclude: 'Re-check conclusion',
    report: 'Propose adjusting, stopping or gradual exit',
    decide: 'Decide on the re-check',
  },
  clocks: { recheck: 'Re-check period' },
};
