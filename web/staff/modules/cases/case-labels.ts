import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { englishOf } from './case-labels-en.ts';
import type { CaseLabelsEn } from '../../app/web-module.ts';

/** The kernel's own steps and clocks, in English (their Chinese comes from the server). */
const KERNEL_EN: Required<Pick<CaseLabelsEn, 'transitions'>> = {
  transitions: {
    create: 'Registered',
    transfer: 'Transferred',
    assign: 'Assigned',
    acknowledge: 'Signed for',
    object: 'Returned with an objection',
    withdraw: 'Withdrawn',
    withdraw_handoff: 'Transfer withdrawn',
    return: 'Returned',
    'signoff.open': 'Sign-off opened',
    'signoff.decide': 'Signed off',
    supervise: 'Supervised',
    'supervise.feedback': 'Supervision feedback',
    overdue: 'Overdue',
    extend: 'Extended',
    'parts.open': 'Sent to the lead and co-handling offices',
    'approval.route': 'Approval sent to the level above',
  },
};
const kernelClock = (name: string): string | undefined =>
  name.startsWith('ack:') ? 'Deadline to sign for it' : name.startsWith('supervise:') ? 'Supervision feedback due' : undefined;

export type CaseLabels = {
  type(type: string, zh: string): string;
  state(type: string, code: string, zh: string): string;
  transition(type: string, name: string, zh: string): string;
  clock(type: string, name: string, zh: string): string;
};

const chinese: CaseLabels = { type: (_t, zh) => zh, state: (_t, _c, zh) => zh, transition: (_t, _n, zh) => zh, clock: (_t, _n, zh) => zh };

/**
 * Labels the server sends in Chinese (states, steps, clocks), shown in the console's language: the
 * module's English where it has one, else the server's Chinese — never blank.
 */
export function useCaseLabels(): CaseLabels {
  const { locale } = useI18n();
  return useMemo(() => {
    if (locale !== 'en-US') return chinese;
    return {
      type: (type, zh) => englishOf(type)?.type ?? zh,
      state: (type, code, zh) => englishOf(type)?.states?.[code] ?? zh,
      transition: (type, name, zh) => englishOf(type)?.transitions?.[name] ?? KERNEL_EN.transitions[name] ?? zh,
      clock: (type, name, zh) => {
        const m = /^(.*)-(\d+)$/.exec(name);
        const en = englishOf(type)?.clocks?.[m ? m[1]! : name];
        return en ? en.replace('{n}', m?.[2] ?? '') : (kernelClock(name) ?? zh);
      },
    };
  }, [locale]);
}
