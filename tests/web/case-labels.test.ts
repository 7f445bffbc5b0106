import { describe, expect, it } from 'vitest';
import type { CaseLabelsEn } from '../../web/staff/app/web-module.ts';
import type { WorkflowDefinition } from '../../src/kernel/workflow/index.ts';
import { petitionWorkflow } from '../../src/modules/petitions/workflow.ts';
import { dibaoWorkflow } from '../../src/modules/dibao/workflow.ts';
import { recheckWorkflow } from '../../src/modules/dibao/recheck/recheck-workflow.ts';
import { petitionLabelsEn } from '../../web/staff/modules/petitions/english-labels.ts';
import { dibaoLabelsEn, recheckLabelsEn } from '../../web/staff/modules/dibao/english-labels.ts';

// The English console shows the server's Chinese labels through these tables: every state, step
// and clock a workflow has must have its English, and the tables must name nothing the workflow lacks.
const clockNames = (d: WorkflowDefinition) => new Set([d.create, ...Object.values(d.transitions)].flatMap((t) => (t.clocks?.start ?? []).map((c) => c.name)));

describe.each([
  ['petition', petitionWorkflow, petitionLabelsEn],
  ['dibao', dibaoWorkflow, dibaoLabelsEn],
  ['dibao_recheck', recheckWorkflow, recheckLabelsEn],
] as Array<[string, WorkflowDefinition, CaseLabelsEn]>)('English labels of %s', (_type, def, en) => {
  it('cover every state, step and clock the workflow has', () => {
    expect(Object.keys(def.states).filter((s) => !en.states?.[s])).toEqual([]);
    expect([...Object.keys(def.transitions), ...Object.keys(def.actions ?? {}), 'create'].filter((n) => !en.transitions?.[n])).toEqual([]);
    expect([...clockNames(def)].filter((n) => !en.clocks?.[n])).toEqual([]);
    expect(en.type).toBeTruthy();
  });

  it('name nothing the workflow does not have', () => {
    expect(Object.keys(en.states ?? {}).filter((s) => !(s in def.states))).toEqual([]);
    expect(Object.keys(en.transitions ?? {}).filter((n) => n !== 'create' && !(n in def.transitions) && !(n in (def.actions ?? {})))).toEqual([]);
  });
});

describe('English case labels load with the console English, not before', () => {
  it('every module case type is there after loadCaseLabelsEn, none before', async () => {
    const { englishOf, loadCaseLabelsEn } = await import('../../web/staff/modules/cases/case-labels-en.ts');
    expect(englishOf('petition')).toBeUndefined();
    await loadCaseLabelsEn();
    expect(englishOf('petition')?.type).toBe(petitionLabelsEn.type);
    expect(englishOf('dibao_recheck')).toEqual(recheckLabelsEn);
    expect(englishOf('disclosure_item')?.states?.published).toBe('Published');
  });
});
