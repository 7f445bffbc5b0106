import { sql } from 'kysely';
import { uuidv7 } from '../../../platform/ids.ts';
import { withTx, type AppContext, type Db } from '../../../platform/context.ts';
import type { DataScope } from '../../../platform/db/tables/identity.ts';
import type { Actor } from '../../identity/actor.ts';
import type { AuditEventRow } from '../contract.ts';

/** Test helpers for the audit kernel: actors with chosen grants, raw reads, and tampering. */

export function testActor(opts: { areaPath?: string; scope?: DataScope; permissions?: string[]; orgUnitId?: string; username?: string } = {}): Actor {
  const areaPath = opts.areaPath ?? '640000.640100';
  const orgUnitId = opts.orgUnitId ?? uuidv7();
  const username = opts.username ?? `t${Math.random().toString(36).slice(2, 10)}`;
  return {
    userId: uuidv7(),
    username,
    displayName: '测试员',
    orgUnitId,
    areaCode: areaPath.split('.').at(-1)!,
    areaPath,
    grants: opts.permissions
      ? [
          {
            assignmentId: uuidv7(),
            roleCode: 'auditor',
            roleName: '审计员',
            orgUnitId,
            orgUnitName: '测试单位',
            areaCode: areaPath.split('.').at(-1)!,
            areaPath,
            scope: opts.scope ?? 'subtree',
            permissions: opts.permissions,
            delegatedBy: null,
            validTo: null,
          },
        ]
      : [],
    sessionId: null,
    clientIp: '192.0.2.10',
  };
}

export async function eventRow(db: Db, id: string): Promise<AuditEventRow> {
  const r = await sql<AuditEventRow>`select * from core.audit_event where id = ${id}`.execute(db);
  if (!r.rows[0]) throw new Error(`no audit event ${id}`);
  return r.rows[0];
}

export async function chainHead(db: Db, chainId: number) {
  const r = await sql<{ seq: number; head_hash: string; head_id: string | null }>`
    select seq, head_hash, head_id from core.audit_chain where chain_id = ${chainId}`.execute(db);
  return r.rows[0]!;
}

/** Run raw SQL with the append-only triggers suspended, as a superuser attacker would. */
export async function tamper(ctx: AppContext, fn: (db: Db) => Promise<unknown>): Promise<void> {
  await withTx(ctx, async (tx) => {
    await sql`set local session_replication_role = replica`.execute(tx.db);
    await fn(tx.db);
  });
}

/** The row as JSON, to delete it and later put it back exactly. */
export async function saveRow(db: Db, id: string): Promise<string> {
  const r = await sql<{ j: string }>`select row_to_json(e)::text as j from core.audit_event e where id = ${id}`.execute(db);
  return r.rows[0]!.j;
}

export async function insertRowJson(db: Db, json: string): Promise<void> {
  await sql`insert into core.audit_event select * from json_populate_record(null::core.audit_event, cast(${json} as json))`.execute(db);
}
