import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import type { NOTICE_METHODS, ORIGINAL_FORMS, ROUTING_TARGETS } from '../contract.ts';

const dateText = (v: unknown): string | null => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const isoOrNull = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
type Row = { case_id: string } & Record<string, unknown>;

/** A petition's intake facts for the case page (get-petition.ts): receipt, source and form, flags, routing, notices, 去向. */
export async function intakeFacts(ctx: AppContext, p: Row) {
  const caseId = p.case_id as string;
  const [refs, forwarding, objections] = await Promise.all([
    sql<{
      final_ref: string | null;
      accused_org: string | null;
    }>`select (select ref_no from core.case where id = ${p.final_match_of as string | null}) as final_ref,
      (select name from core.org_unit where id = ${p.accused_org_id as string | null}) as accused_org`.execute(ctx.db),
    sql<{ kind: string; to_name: string; from_name: string; sent_at: Date; status: string; acknowledged_at: Date | null }>`
      select h.kind, t.name as to_name, f.name as from_name, h.sent_at, h.status, h.acknowledged_at from core.case_handoff h
      join core.org_unit t on t.id = h.to_org_id join core.org_unit f on f.id = h.from_org_id
      where h.case_id = ${caseId} order by h.sent_at`.execute(ctx.db),
    sql<{
      id: string;
      reason: string;
      received_on: unknown;
      raised_on: unknown;
      raised_by_name: string;
      decision: string | null;
      decision_note: string | null;
      decided_by_name: string | null;
      decided_at: Date | null;
      to_name: string;
    }>`select o.id, o.reason, o.received_on, o.raised_on, o.raised_by_name, o.decision, o.decision_note, o.decided_by_name, o.decided_at, t.name as to_name
      from petitions.objection o join core.org_unit t on t.id = o.to_org_id where o.case_id = ${caseId} order by o.raised_at`.execute(ctx.db),
  ]);
  const r = refs.rows[0];
  const served = (method: unknown, on: unknown) => (method ? { method: method as (typeof NOTICE_METHODS)[number], on: dateText(on)! } : null);
  return {
    facts: {
      receivedOn: dateText(p.received_on),
      originalForm: (p.original_form as (typeof ORIGINAL_FORMS)[number] | null) ?? null,
      complainedOrg: (p.complained_org as string | null) ?? null,
      accused: p.accused_name || p.accused_org_id ? { name: (p.accused_name as string | null) ?? null, orgUnitName: r?.accused_org ?? null } : null,
      finalMatch: p.final_match_of ? { caseId: p.final_match_of as string, refNo: r?.final_ref ?? '' } : null,
      urgent: p.urgent
        ? {
            note: (p.urgent_note as string | null) ?? null,
            report: (p.urgent_report as string | null) ?? null,
            reportedAt: isoOrNull(p.urgent_reported_at as Date | null),
          }
        : null,
      routing: p.routed_to
        ? {
            target: p.routed_to as (typeof ROUTING_TARGETS)[number],
            note: (p.routing_note as string | null) ?? null,
            at: isoOrNull(p.routed_at as Date | null),
          }
        : null,
      acceptanceServed: served(p.acceptance_served_method, p.acceptance_served_on),
      refusalServed: served(p.refusal_served_method, p.refusal_served_on),
    },
    forwarding: forwarding.rows.map((h) => ({
      kind: h.kind === 'assign' ? ('交办' as const) : ('转送' as const),
      fromOrgName: h.from_name,
      toOrgName: h.to_name,
      sentAt: new Date(h.sent_at).toISOString(),
      status: h.status,
      acknowledgedAt: isoOrNull(h.acknowledged_at),
    })),
    objections: objections.rows.map((o) => ({
      id: o.id,
      byOrgName: o.to_name,
      reason: o.reason,
      receivedOn: dateText(o.received_on)!,
      raisedOn: dateText(o.raised_on)!,
      raisedByName: o.raised_by_name,
      decision: o.decision as 'agreed' | 'rejected' | null,
      decisionNote: o.decision_note,
      decidedByName: o.decided_by_name,
      decidedAt: isoOrNull(o.decided_at),
    })),
  };
}
