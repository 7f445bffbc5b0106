import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { userRef, type Actor } from '../../../kernel/identity/index.ts';
import { orgsDb } from '../db.ts';

const ENDED = { revoked: { label: '撤销', act: '撤销登记' }, deregistered: { label: '注销', act: '注销登记' } } as const;

/** A registration ends (注销 or 撤销登记) on a day: the organization's status and its history row, in the caller's transaction. */
export async function endRegistration(tx: AppContext, actor: Actor, o: { id: string }, end: { status: keyof typeof ENDED; on: string; basis: string }) {
  const db = orgsDb(tx.db);
  await db
    .updateTable('orgs.organization')
    .set({ status: end.status, status_on: end.on, version: sql`version + 1`, updated_at: tx.clock.now() })
    .where('id', '=', o.id)
    .execute();
  await db
    .insertInto('orgs.change')
    .values({
      id: randomUUID(),
      organization_id: o.id,
      field: 'status',
      before: '正常',
      after: ENDED[end.status].label,
      changed_on: end.on,
      act: ENDED[end.status].act,
      basis: end.basis,
      actor_id: userRef(actor),
    })
    .execute();
}
