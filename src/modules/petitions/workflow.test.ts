import { describe, expect, it } from 'vitest';
import { decide, type PartyFacts } from '../../kernel/workflow/index.ts';
import { petitionWorkflow as wf } from './workflow.ts';

const as = (perms: string[], party: 'holder' | 'supervisor' = 'holder'): PartyFacts => ({ holds: (p, x) => x === party && perms.includes(p), orgLevel: 3 });
const open = { terminal: false, pendingHandoff: false };
const clerk = as(['petition.read', 'petition.register', 'petition.handle']);
const leader = as(['petition.read', 'petition.approve', 'petition.supervise']);

describe('petition workflow', () => {
  it('follows 受理 → 办理 → 拟办 → 审批 → 送达 with the right hands', () => {
    expect(decide(wf, { state: 'registered', ...open }, 'accept', clerk)).toMatchObject({ ok: true, to: 'accepted' });
    expect(decide(wf, { state: 'accepted', ...open }, 'start', clerk)).toMatchObject({ ok: true, to: 'handling' });
    expect(decide(wf, { state: 'accepted', ...open }, 'simplify', clerk)).toMatchObject({ ok: true, to: 'simple' });
    expect(decide(wf, { state: 'simple', ...open }, 'draft', clerk)).toMatchObject({ ok: true, to: 'drafted' });
    expect(decide(wf, { state: 'drafted', ...open }, 'approve', clerk)).toMatchObject({ ok: false, code: 'NOT_PERMITTED' });
    expect(decide(wf, { state: 'drafted', ...open }, 'approve', leader)).toMatchObject({ ok: true, to: 'approved' });
    expect(decide(wf, { state: 'approved', ...open }, 'deliver', clerk)).toMatchObject({ ok: true, to: 'delivered' });
    expect(decide(wf, { state: 'refused', terminal: true, pendingHandoff: false }, 'accept', clerk)).toMatchObject({ ok: false, code: 'CASE_CLOSED' });
  });

  it('leaves 复查/复核 requests to the citizen and their handling to the level above', () => {
    expect(decide(wf, { state: 'delivered', ...open }, 'request_review', clerk)).toMatchObject({ ok: false });
    expect(decide(wf, { state: 'delivered', ...open }, 'request_review', as(['petition.portal']))).toMatchObject({ ok: true, to: 'review_requested' });
    expect(decide(wf, { state: 'review_requested', ...open }, 'start_review', clerk)).toMatchObject({ ok: false });
    expect(decide(wf, { state: 'review_requested', ...open }, 'start_review', as(['petition.handle'], 'supervisor'))).toMatchObject({
      ok: true,
      to: 'reviewing',
    });
    expect(decide(wf, { state: 'rechecking', ...open }, 'conclude_recheck', as(['petition.handle'], 'supervisor'))).toMatchObject({
      ok: true,
      to: 'rechecked',
    });
    expect(decide(wf, { state: 'rechecked', ...open }, 'deliver_recheck', as(['petition.handle'], 'supervisor'))).toMatchObject({ ok: true, to: 'final' });
    expect(wf.states.final.terminal).toBe(true);
    // 复查 by the level directly above the body that served the reply; 复核 by the level directly above the 复查 body.
    expect(wf.transitions.start_review!.who).toMatchObject({ aboveOrgOf: 'deliver', directlyAbove: true });
    expect(wf.transitions.start_recheck!.who).toMatchObject({ aboveOrgOf: 'conclude_review', directlyAbove: true });
    // Referral outside only by the top of the platform (民政厅).
    expect(decide(wf, { state: 'review_requested', ...open }, 'refer_review', clerk)).toMatchObject({ ok: false, code: 'LEVEL_NOT_ALLOWED' });
    expect(decide(wf, { state: 'review_requested', ...open }, 'refer_review', { ...clerk, orgLevel: 1 })).toMatchObject({ ok: true, to: 'review_referred' });
  });

  it('closes only from an answered state, and lets no statutory clock but 复核 (hearing) be suspended', () => {
    expect(wf.transitions.close!.from).toEqual(['delivered', 'review_delivered']);
    const spec = (t: string, name: string) => wf.transitions[t]!.clocks?.start?.find((k) => k.name === name);
    expect(spec('accept', 'handle')?.suspendable).toBeUndefined();
    expect(spec('request_review', 'review')?.suspendable).toBeUndefined();
    expect(spec('request_recheck', 'recheck')?.suspendable).toMatchObject({ kinds: ['hearing'], aboveOrgOf: 'conclude_review' });
    expect(wf.transitions.start_review!.clocks?.start).toBeUndefined();
  });

  it('declares the statutory clocks with their articles', () => {
    // 15 日, 60 日 and the ≤ 30 日 extension are read from the settings (never beyond the statute): settings-bounds.int.test.ts.
    expect(wf.create.clocks?.start?.[0]).toMatchObject({ name: 'triage', rule: expect.any(Function) });
    expect(wf.transitions.accept!.clocks?.start?.[0]).toMatchObject({ name: 'handle', rule: expect.any(Function) });
    expect(wf.transitions.simplify!.clocks?.start?.[0]).toMatchObject({ rule: { unit: 'workdays', n: 10 } });
    expect(wf.clockControl?.extendable.handle).toEqual(expect.any(Function));
    expect(wf.handoff).toMatchObject({ acknowledgeWithin: { unit: 'days', n: 3 }, objectWithin: { unit: 'workdays', n: 5 } });
  });

  it('asks 不予受理 for a statutory reason and 简易办理 for the facts check', () => {
    expect(wf.transitions.refuse!.input!.safeParse({}).success).toBe(false);
    expect(wf.transitions.refuse!.input!.safeParse({ reasonCode: 'not_competent' }).success).toBe(true);
    expect(wf.transitions.refuse!.input!.safeParse({ reasonCode: '随便' }).success).toBe(false);
    expect(wf.transitions.simplify!.input!.safeParse({}).success).toBe(false);
    expect(wf.transitions.simplify!.input!.safeParse({ factsClear: true }).success).toBe(true);
    expect(wf.transitions.accept!.input!.safeParse({}).success).toBe(true);
  });
});
