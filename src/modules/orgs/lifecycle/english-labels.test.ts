import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../../kernel/workflow/index.ts';
import type { CaseLabelsEn } from '../../../../web/staff/app/web-module.ts';
import { changeLabelsEn, deregisterLabelsEn, establishLabelsEn } from '../../../../web/staff/modules/orgs/english-labels.ts';
import { changeWorkflow, deregisterWorkflow } from './change-workflow.ts';
import { establishWorkflow } from './establish-workflow.ts';

// As tests/web/case-labels.test.ts does for 信访 and 低保: every state, step and clock of the 登记 cases has its English.
const clockNames = (d: WorkflowDefinition) => new Set([d.create, ...Object.values(d.transitions)].flatMap((t) => (t.clocks?.start ?? []).map((c) => c.name)));

describe.each([
  ['orgs_establish', establishWorkflow, establishLabelsEn],
  ['orgs_change', changeWorkflow, changeLabelsEn],
  ['orgs_deregister', deregisterWorkflow, deregisterLabelsEn],
] as Array<[string, WorkflowDefinition, CaseLabelsEn]>)('English labels of %s', (_type, def, en) => {
  it('cover every state, step and clock, and name nothing else', () => {
    expect(Object.keys(def.states).filter((s) => !en.states?.[s])).toEqual([]);
    expect([...Object.keys(def.transitions), 'create'].filter((n) => !en.transitions?.[n])).toEqual([]);
    expect([...clockNames(def)].filter((n) => !en.clocks?.[n])).toEqual([]);
    expect(Object.keys(en.transitions ?? {}).filter((n) => n !== 'create' && !(n in def.transitions))).toEqual([]);
    expect(Object.keys(en.clocks ?? {}).filter((n) => !clockNames(def).has(n))).toEqual([]);
  });
});
