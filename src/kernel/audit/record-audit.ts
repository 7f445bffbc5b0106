import { sql, type RawBuilder } from 'kysely';
import { withTx, type AppContext } from '../../platform/context.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Actor } from '../identity/actor.ts';
import { canonicalJson, storableString, toJsonValue } from './canonical-json.ts';
import type { AuditEventRow, AuditInput, RecordedAudit } from './contract.ts';
import { chainFor, eventHash, genesisHash } from './hash.ts';

/**
 * The chain each open transaction writes to. A transaction keeps to the chain of its first
 * event, so it never holds two head locks: audit writes cannot deadlock each other, and a bulk
 * import locks one chain instead of all of them. Keyed by the transaction object; collected with it.
 */
const chainOfTx = new WeakMap<object, number>();

/** A chain's head as a statement read it earlier in the transaction, without locking it (`seenHeadColumn`). */
export type SeenHead = { chainId: number; seq: number; head_hash: string; head_id: string | null };

/** The chain an event on this entity goes to in this transaction (the chain of its first event, once it has one). */
export function auditChainFor(tx: AppContext, entityType: string, entityId: string | null | undefined): number {
  return chainOfTx.get(tx.db) ?? chainFor(entityType, entityId, tx.config.auditChains);
}

/** A column (json) reading a chain's head without locking it, for the statement the caller runs just before recordAudit. */
export const seenHeadColumn = (chainId: number) =>
  sql<SeenHead | null>`(select json_build_object('chainId', chain_id, 'seq', seq, 'head_hash', head_hash, 'head_id', head_id)
    from core.audit_chain where chain_id = ${chainId})`;

/**
 * Append one event to the audit log (审计日志), in the caller's transaction (or a new one).
 * Locks the head row of the entity's chain until commit, so call it as late in the
 * transaction as possible; writers on other chains do not wait. `also` adds the caller's own
 * writes that name the event (e.g. the case event) to the statement that writes it, as further
 * data-modifying CTEs (`name as (…)`, comma-separated) that write only when `ev` holds the event
 * (`where exists (select 1 from ev)`).
 *
 * `seen`: the chain's head as the caller's previous statement read it (`seenHeadColumn`). The event is hashed on it and
 * written in one statement that moves the head only if it is still that one — the head is then locked for that statement
 * and the commit alone. If another writer moved it meanwhile, the statement writes nothing and the head is locked and
 * read (`FOR UPDATE`) as without `seen`. Either way the hash links to the head it replaces, checked under its lock.
 */
export async function recordAudit(
  ctx: AppContext,
  input: AuditInput,
  also?: (auditId: string) => RawBuilder<unknown>,
  seen?: SeenHead | null,
): Promise<RecordedAudit> {
  if (!input.action || !input.entityType) throw new Error('recordAudit: action and entityType are required');
  return withTx(ctx, async (tx) => {
    const chainId = auditChainFor(tx, input.entityType, input.entityId);
    chainOfTx.set(tx.db, chainId);
    const done = seen?.chainId === chainId ? await append(tx, input, seen, also) : null;
    if (done) return done;
    const appended = await append(tx, input, { chainId, ...(await lockHead(tx, chainId)) }, also);
    if (!appended) throw new Error(`recordAudit: the head of chain ${chainId} moved while locked`);
    return appended;
  });
}

/** The event hashed on `head`, written with the new head and `also` if the head is still `head`; null if it moved. */
async function append(tx: AppContext, input: AuditInput, head: SeenHead, also?: (auditId: string) => RawBuilder<unknown>): Promise<RecordedAudit | null> {
  const at = tx.clock.now();
  const row: Omit<AuditEventRow, 'hash'> = {
    chain_id: head.chainId,
    seq: Number(head.seq) + 1,
    id: uuidv7(at.getTime()),
    at,
    ...who(input),
    action: storableString(input.action),
    entity_type: storableString(input.entityType),
    entity_id: text(input.entityId),
    before: jsonOrNull(input.before),
    after: jsonOrNull(input.after),
    reason: text(input.reason),
    client_ip: text(input.actor.clientIp),
    prev_id: head.head_id,
    prev_hash: head.head_hash,
  };
  const hash = eventHash(row);
  // New head (only over the head hashed on), event and the caller's writes in one statement.
  const r = await sql<{ n: number }>`with h as (
      update core.audit_chain set seq = ${row.seq}, head_hash = ${hash}, head_id = ${row.id}, updated_at = ${at}
      where chain_id = ${row.chain_id} and seq = ${row.seq - 1} and head_hash = ${row.prev_hash} returning chain_id),
    ev as (
      insert into core.audit_event (chain_id, seq, id, at, actor_id, actor_name, org_unit_id, area_code, area_path,
        action, entity_type, entity_id, before, after, reason, client_ip, prev_id, prev_hash, hash)
      select ${row.chain_id}, ${row.seq}, ${row.id}, ${row.at}, ${row.actor_id}, ${row.actor_name}, ${row.org_unit_id},
        ${row.area_code}, ${row.area_path}, ${row.action}, ${row.entity_type}, ${row.entity_id},
        cast(${jsonText(row.before)} as jsonb), cast(${jsonText(row.after)} as jsonb), ${row.reason}, ${row.client_ip},
        ${row.prev_id}::uuid, ${row.prev_hash}, ${hash}
      from h returning id)${also ? sql`, ${also(row.id)}` : sql``}
    select count(*)::int as n from ev`.execute(tx.db);
  return r.rows[0]!.n === 1 ? { id: row.id, chainId: row.chain_id, seq: row.seq, hash } : null;
}

export type PiiReadInput = {
  entityType: string;
  entityId: string;
  /** The person's area, so that officials of that area can see who read their records. */
  areaPath?: string | null;
  /** Which fields were shown unmasked (e.g. ['idNumber', 'phone']); never their values. */
  fields: string[];
};

/** Log that the actor opened a person's full record (个人信息查阅). */
export async function recordPiiRead(ctx: AppContext, actor: Actor, input: PiiReadInput): Promise<RecordedAudit> {
  return recordAudit(ctx, {
    actor,
    action: 'pii.read',
    entityType: input.entityType,
    entityId: input.entityId,
    after: { fields: input.fields },
    ...(input.areaPath !== undefined ? { areaPath: input.areaPath } : {}),
  });
}

type Head = Omit<SeenHead, 'chainId'>;

async function lockHead(tx: AppContext, chainId: number): Promise<Head> {
  const select = () => sql<Head>`select seq, head_hash, head_id from core.audit_chain where chain_id = ${chainId} for update`.execute(tx.db);
  let r = await select();
  if (!r.rows[0]) {
    // AUDIT_CHAINS was raised since the last start: create the missing head on first use.
    await sql`insert into core.audit_chain (chain_id, seq, head_hash) values (${chainId}, 0, ${genesisHash(chainId)})
      on conflict (chain_id) do nothing`.execute(tx.db);
    r = await select();
  }
  return r.rows[0]!;
}

/** Actor, org unit and area columns; defaults come from the actor. */
function who(input: AuditInput) {
  const { actor } = input;
  const areaPath = input.areaPath !== undefined ? input.areaPath : actor.areaPath;
  const areaCode = input.areaCode !== undefined ? input.areaCode : input.areaPath !== undefined ? (input.areaPath?.split('.').at(-1) ?? null) : actor.areaCode;
  return {
    actor_id: uuid(actor.userId, 'actor.userId'),
    actor_name: storableString(`${actor.displayName}(${actor.username})`),
    org_unit_id: uuid(input.orgUnitId !== undefined ? input.orgUnitId : actor.orgUnitId, 'orgUnitId'),
    area_code: text(areaCode),
    area_path: text(areaPath),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** PostgreSQL prints uuids in lowercase; hash what it will print. */
function uuid(v: string | null | undefined, field: string): string | null {
  if (v == null) return null;
  if (!UUID.test(v)) throw new Error(`recordAudit: ${field} is not a uuid: ${v}`);
  return v.toLowerCase();
}

function text(v: string | null | undefined): string | null {
  return v == null ? null : storableString(v);
}

/** The value as jsonb will give it back; undefined and null both become SQL NULL. */
function jsonOrNull(v: unknown): unknown {
  return v === undefined || v === null ? null : toJsonValue(v);
}

function jsonText(v: unknown): string | null {
  return v === null ? null : canonicalJson(v);
}
