import { describe, expect, it } from 'vitest';
import { availableTransitions, type PartyFacts } from '../../src/kernel/workflow/decide.ts';
import { nextTransition } from '../../src/kernel/workflow/next-step.ts';
import { dibaoWorkflow } from '../../src/modules/dibao/workflow.ts';
import { petitionWorkflow } from '../../src/modules/petitions/workflow.ts';
import { proposalWorkflow } from '../../src/modules/proposals/workflow.ts';
import { clockSpecs, type WorkflowDefinition } from '../../src/kernel/workflow/define-workflow.ts';

// The normal next step of each state the modules mark (issue 19, item 1): what the case page's primary button is.
const anyone: PartyFacts = { holds: () => true, orgLevel: 4 };
const buttons = (def: WorkflowDefinition, state: string) =>
  availableTransitions(def, { state, terminal: false, pendingHandoff: false }, anyone).map((t) => (t.primary ? `*${t.name}` : t.name));

describe('the normal next step is marked primary and offered first', () => {
  it('低保: 受理 at 待受理 (not 一次性告知补齐材料), 公示期满无异议 at 公示中 (not 登记公示异议)', () => {
    expect(buttons(dibaoWorkflow as WorkflowDefinition, 'applied')).toEqual(['*accept', 'not_accept', 'request_materials', 'withdraw']);
    expect(buttons(dibaoWorkflow as WorkflowDefinition, 'publicizing')[0]).toBe('*end_publicity');
    expect(nextTransition(dibaoWorkflow as WorkflowDefinition, 'awaiting_confirm')?.[0]).toBe('confirm');
  });

  it('信访: 受理 at 甄别, 审批 after 拟办; 建议提案: 签收, 签发', () => {
    expect(buttons(petitionWorkflow as WorkflowDefinition, 'registered')[0]).toBe('*accept');
    expect(nextTransition(petitionWorkflow as WorkflowDefinition, 'drafted')?.[1].nextLabel).toBe('审批');
    expect(buttons(proposalWorkflow as WorkflowDefinition, 'registered')[0]).toBe('*sign');
    expect(nextTransition(proposalWorkflow as WorkflowDefinition, 'drafted')?.[1].nextLabel).toBe('签发');
  });

  it('marks the petitioner’s 申请复查/复核 windows as periods, and 办理 as a deadline', () => {
    const kinds = Object.fromEntries(clockSpecs(petitionWorkflow as WorkflowDefinition).map((k) => [k.name, k.kind ?? 'deadline']));
    expect(kinds).toMatchObject({ handle: 'deadline', review_window: 'period', recheck_window: 'period' });
  });
});
