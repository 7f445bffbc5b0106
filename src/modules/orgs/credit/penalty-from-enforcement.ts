import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { SYSTEM_ACTOR } from '../../../kernel/identity/index.ts';
import { onPenaltyDecided, type PenaltyDecided } from '../../enforcement/contract.ts';
import { PENALTY_BASES, type PenaltyMeasure } from './penalty-rules.ts';
import { storePenalty } from './penalty-record.ts';
import { applyRevocation } from '../registry/revoke-org.ts';
import type { OrgKind } from '../contract.ts';

/** 《行政处罚法》第九条's kinds as the orgs measures (通报批评, 没收非法财物, 吊销许可证件 are none of them). */
const MEASURE_OF: Record<string, PenaltyMeasure> = { 警告: 'warning', 罚款: 'fine', 没收违法所得: 'confiscation', 限期停止活动: 'suspension' };

/**
 * A 行政处罚决定 of an enforcement case whose party is a registered social organization (by its 统一社会信用代码) is
 * recorded against it, in the decision's transaction: its measures with the decision's number, date, basis and facts
 * (storePenalty: the 60号令 listings follow), and 撤销登记 takes effect (applyRevocation) while the organization is
 * still registered. Another party (a person, an unregistered body, an organization of another registry) is not ours.
 */
export async function recordEnforcementPenalty(tx: AppContext, e: PenaltyDecided) {
  if (!e.partyUscc) return;
  const o = (
    await sql<{
      id: string;
      kind: OrgKind;
      status: string;
      version: number;
      authority_area_path: string;
      authority_org_unit_id: string;
    }>`select id, kind, status, version, authority_area_path, authority_org_unit_id from orgs.organization where uscc = ${e.partyUscc}`.execute(tx.db)
  ).rows[0];
  if (!o) return;
  const measures = [...new Set(e.penaltyKinds.map((k) => MEASURE_OF[k]).filter((m) => m !== undefined))];
  if (measures.length)
    await storePenalty(tx, SYSTEM_ACTOR, o, {
      decidedOn: e.decidedOn,
      article: PENALTY_BASES[o.kind].article,
      basis: e.basis,
      documentNo: e.decisionNo,
      facts: e.facts,
      measures,
      fineCents: e.fine ? Math.round(e.fine * 100) : null,
      confiscationCents: null,
      suspendedUntil: e.suspendedUntil,
      caseId: e.caseId,
    });
  if (e.penaltyKinds.includes('撤销登记') && o.status === 'normal')
    await applyRevocation(tx, SYSTEM_ACTOR, o, { decidedOn: e.decidedOn, citation: `${e.decisionNo}；${e.basis}`, facts: e.facts });
}

/** Registered once, when the orgs manifest is imported. */
export const listenToEnforcement = () => onPenaltyDecided(recordEnforcementPenalty);
