import { describe, expect, it } from 'vitest';
import { sampleWorkflow } from '../../../tests/helpers/sample-workflow.ts';
import { availableTransitions, decide, type PartyFacts } from './decide.ts';
import { partyFacts } from './case-access.ts';
import { defineWorkflow, definitionProblems, type WorkflowDefinition } from './define-workflow.ts';
import { signoffOutcome } from './signoff.ts';

const holder = (perms: string[], level = 3): PartyFacts => ({ holds: (p, party) => party === 'holder' && perms.includes(p), orgLevel: level });
const open = { terminal: false, pendingHandoff: false };

describe('decide', () => {
  it('allows a defined transition from its source state to a permitted holder', () => {
    const d = decide(sampleWorkflow, { state: 'registered', ...open }, 'accept', holder(['org.read']));
    expect(d).toMatchObject({ ok: true, to: 'accepted' });
  });
  it('refuses with a reason naming the step', () => {
    expect(decide(sampleWorkflow, { state: 'accepted', ...open }, 'accept', holder(['org.read']))).toMatchObject({
      ok: false,
      code: 'STATE_NOT_ALLOWED',
      message: expect.stringContaining('办理中'),
    });
    expect(decide(sampleWorkflow, { state: 'registered', ...open }, 'nope', holder(['org.read']))).toMatchObject({ ok: false, code: 'TRANSITION_UNKNOWN' });
    expect(decide(sampleWorkflow, { state: 'drafted', ...open }, 'approve', holder(['org.read']))).toMatchObject({ ok: false, code: 'NOT_PERMITTED' });
    expect(decide(sampleWorkflow, { state: 'registered', terminal: false, pendingHandoff: true }, 'accept', holder(['org.read']))).toMatchObject({
      ok: false,
      code: 'PENDING_HANDOFF',
    });
    expect(decide(sampleWorkflow, { state: 'closed', terminal: true, pendingHandoff: false }, 'accept', holder(['org.read']))).toMatchObject({
      ok: false,
      code: 'CASE_CLOSED',
    });
  });
  it('enforces levels', () => {
    const def = defineWorkflow({
      ...sampleWorkflow,
      type: 'test.levels',
      transitions: { ...sampleWorkflow.transitions, accept: { ...sampleWorkflow.transitions.accept!, who: { permission: 'org.read', levels: [1, 2] } } },
    });
    expect(decide(def, { state: 'registered', ...open }, 'accept', holder(['org.read'], 3))).toMatchObject({
      ok: false,
      code: 'LEVEL_NOT_ALLOWED',
      message: expect.stringContaining('自治区、市'),
    });
    expect(decide(def, { state: 'registered', ...open }, 'accept', holder(['org.read'], 2))).toMatchObject({ ok: true });
  });
  it('lists exactly the buttons the actor may press', () => {
    const names = availableTransitions(sampleWorkflow, { state: 'registered', ...open }, holder(['org.read'])).map((t) => t.name);
    expect(names).toEqual(['accept', 'refuse']);
    expect(availableTransitions(sampleWorkflow, { state: 'drafted', ...open }, holder(['audit.read'])).map((t) => t.name)).toEqual(['approve']);
  });
  it('rejects malformed definitions, naming the bad reference', () => {
    const bad = (patch: Partial<WorkflowDefinition>) => () => defineWorkflow<string>({ ...(sampleWorkflow as WorkflowDefinition), type: 'test.bad', ...patch });
    const t = sampleWorkflow.transitions;
    expect(bad({ transitions: { x: { label: 'x', from: ['nowhere'], to: 'closed', who: { permission: 'p' } } } })).toThrow(
      /transition x names unknown state nowhere/,
    );
    expect(bad({ signoffs: { review: { permission: 'p', onApprove: 'approve', onReject: 'rejekt' } } })).toThrow(
      /signoff review.onReject names unknown transition rejekt/,
    );
    expect(bad({ handoff: { ...sampleWorkflow.handoff!, from: ['registered', 'limbo'] } })).toThrow(/handoff.from names unknown state limbo/);
    expect(bad({ returnable: { from: ['drafted'], to: ['nowhere'], permission: 'p' } })).toThrow(/returnable.to names unknown state nowhere/);
    expect(bad({ clockControl: { ...sampleWorkflow.clockControl!, extendable: { hnadle: { unit: 'days', n: 30 } } } })).toThrow(
      /clockControl.extendable names clock hnadle, which no step starts/,
    );
    expect(bad({ transitions: { ...t, close: { ...t.close!, clocks: { stop: ['handel'] } } } })).toThrow(/transition close \(stop\) names clock handel/);
    expect(bad({ transitions: { ...t, accept: { ...t.accept!, clocks: { suspend: [{ name: 'tirage', kind: 'other', label: 'x' }] } } } })).toThrow(
      /names clock tirage/,
    );
    expect(bad({ actions: { note: { label: '备注', who: { permission: 'p' }, from: ['gone'] } } })).toThrow(/action note names unknown state gone/);
    expect(definitionProblems(sampleWorkflow as WorkflowDefinition)).toEqual([]);
  });
});

describe('signoffOutcome (会签 / 或签)', () => {
  it('all: every party must approve; one reject settles it', () => {
    expect(signoffOutcome('all', 3, ['approve', 'approve', null])).toBe('open');
    expect(signoffOutcome('all', 3, ['approve', 'approve', 'approve'])).toBe('approve');
    expect(signoffOutcome('all', 3, ['approve', 'reject', null])).toBe('reject');
  });
  it('any: one approval is enough; all rejecting settles it', () => {
    expect(signoffOutcome('any', 1, [null, 'approve', null])).toBe('approve');
    expect(signoffOutcome('any', 1, ['reject', 'reject', null])).toBe('open');
    expect(signoffOutcome('any', 1, ['reject', 'reject', 'reject'])).toBe('reject');
  });
  it('quorum: N approvals; rejected once N is out of reach', () => {
    expect(signoffOutcome('quorum', 2, ['approve', null, null])).toBe('open');
    expect(signoffOutcome('quorum', 2, ['approve', 'approve', null])).toBe('approve');
    expect(signoffOutcome('quorum', 2, ['reject', 'reject', null])).toBe('reject');
  });
});

describe('separation of duties in Who', () => {
  const def: WorkflowDefinition = {
    ...(sampleWorkflow as WorkflowDefinition),
    type: 'test.sod',
    transitions: {
      investigate: { label: '调查', from: ['registered'], to: 'accepted', who: { permission: 'p' } },
      legal_review: { label: '法制审核', from: ['accepted'], to: 'drafted', who: { permission: 'p', notSameActorAs: ['investigate'] } },
      recheck: { label: '复核', from: ['drafted'], to: 'approved', who: { permission: 'p', party: 'any', aboveOrgOf: 'legal_review' } },
    },
  };
  const grant = (areaPath: string) => ({ permissions: ['p'], areaPath, orgUnitId: 'o', scope: 'subtree' }) as any;
  const actor = (userId: string, areaPath: string) => ({ userId, grants: [grant(areaPath)], areaPath, orgUnitId: 'o' }) as any;
  const c = { org_unit_id: 'o', assignee_id: null, created_by: null, area_path: '640000.640100.640104' };
  const history = [
    { transition: 'investigate', actorId: 'u1', orgPath: '640000.640100.640104' },
    { transition: 'legal_review', actorId: 'u2', orgPath: '640000.640100.640104' },
  ];
  const facts = (a: any) => partyFacts(a, c, history);

  it('refuses 法制审核 by the investigator, allows another person', () => {
    expect(decide(def, { state: 'accepted', ...open }, 'legal_review', facts(actor('u1', '640000.640100.640104')))).toMatchObject({
      ok: false,
      code: 'SAME_ACTOR',
    });
    expect(decide(def, { state: 'accepted', ...open }, 'legal_review', facts(actor('u2', '640000.640100.640104')))).toMatchObject({ ok: true });
  });

  it('allows 复核 only from an org above the one that did the 法制审核', () => {
    const at = (path: string) => decide(def, { state: 'drafted', ...open }, 'recheck', facts(actor('u9', path)));
    expect(at('640000.640100.640104')).toMatchObject({ ok: false, code: 'NOT_ABOVE' });
    expect(at('640000.640400')).toMatchObject({ ok: false, code: 'NOT_ABOVE' }); // another city is not above
    expect(at('640000.640100')).toMatchObject({ ok: true });
    expect(at('640000')).toMatchObject({ ok: true });
  });

  it('with directlyAbove, allows it only from the level directly above (上一级)', () => {
    const direct = {
      ...def,
      transitions: { ...def.transitions, recheck: { ...def.transitions.recheck!, who: { ...def.transitions.recheck!.who, directlyAbove: true } } },
    };
    const at = (path: string) => decide(direct, { state: 'drafted', ...open }, 'recheck', facts(actor('u9', path)));
    expect(at('640000.640100')).toMatchObject({ ok: true });
    expect(at('640000')).toMatchObject({ ok: false, code: 'NOT_ABOVE' }); // two levels up
    expect(at('640000.640100.640104')).toMatchObject({ ok: false, code: 'NOT_ABOVE' });
  });

  it('names unknown transitions in the rules', () => {
    expect(
      definitionProblems({
        ...def,
        transitions: { ...def.transitions, x: { label: 'x', from: ['registered'], to: 'closed', who: { permission: 'p', notSameActorAs: ['investigat'] } } },
      }),
    ).toContain('transition x: who names unknown transition investigat');
  });
});
