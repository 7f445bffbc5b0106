import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';
import type { AuditEventRow, ChainHead } from './contract.ts';

/** SM3 (GM/T 0004) from Node's OpenSSL, lowercase hex. */
export function sm3Hex(text: string): string {
  return createHash('sm3').update(text, 'utf8').digest('hex');
}

/** prev_hash of a chain's first event; distinct per chain so chains cannot be swapped. */
export function genesisHash(chainId: number): string {
  return sm3Hex('minzheng-audit-genesis:' + chainId);
}

/**
 * prev_hash of the first checkpoint: sm3Hex('minzheng-audit-checkpoint-genesis'), written out (hash.test.ts checks it)
 * so that importing this file runs nothing — the console's bundle reaches it through module contracts.
 */
export const CHECKPOINT_GENESIS = 'f08c7c6378b98e5f836e706ba2f8ec58b230166a927dc0d59c2874caa43242c4';

/**
 * The chain an entity's events go to: stable for the same (type, id) and the same number
 * of chains, and spread evenly because SM3 output is uniform.
 */
export function chainFor(entityType: string, entityId: string | null | undefined, chains: number): number {
  const d = createHash('sm3')
    .update(`${entityType}\u0001${entityId ?? ''}`, 'utf8')
    .digest();
  return d.readUInt32BE(0) % chains;
}

/**
 * hash = SM3(prev_hash ‖ canonicalJSON(every other column)). The timestamp is hashed as its
 * millisecond ISO string (what a JS Date holds and timestamptz returns exactly); before/after
 * as the canonical form of the parsed JSON, so jsonb's key order and number spelling do not matter.
 */
export function eventHash(e: Omit<AuditEventRow, 'hash'>): string {
  return sm3Hex(
    e.prev_hash +
      canonicalJson({
        chain_id: e.chain_id,
        seq: e.seq,
        id: e.id,
        at: e.at.toISOString(),
        actor_id: e.actor_id,
        actor_name: e.actor_name,
        org_unit_id: e.org_unit_id,
        area_code: e.area_code,
        area_path: e.area_path,
        action: e.action,
        entity_type: e.entity_type,
        entity_id: e.entity_id,
        before: e.before ?? null,
        after: e.after ?? null,
        reason: e.reason,
        client_ip: e.client_ip,
        prev_id: e.prev_id,
      }),
  );
}

/** The "system head": one hash that pins every chain's head at a moment. */
export function systemHeadHash(heads: readonly ChainHead[]): string {
  const sorted = [...heads].sort((a, b) => a.chain - b.chain).map((h) => ({ chain: h.chain, seq: h.seq, hash: h.hash }));
  return sm3Hex(canonicalJson(sorted));
}

/** A checkpoint chains the previous checkpoint's hash with a snapshot of every chain head. */
export function checkpointHash(prevHash: string, cp: { seq: number; at: Date; heads: readonly ChainHead[] }): string {
  return sm3Hex(prevHash + canonicalJson({ seq: cp.seq, at: cp.at.toISOString(), heads: cp.heads }));
}
