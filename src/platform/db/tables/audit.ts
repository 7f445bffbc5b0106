import type { Generated } from 'kysely';
import type { Json, Ts } from './columns.ts';

/** Row types of the hash-chained audit log and the generated secrets. */
export interface AuditChainTable {
  chain_id: number;
  seq: number;
  head_hash: string;
  head_id: string | null;
  updated_at: Generated<Date>;
}

export interface AuditEventTable {
  chain_id: number;
  seq: number;
  id: string;
  at: Ts;
  actor_id: string | null;
  actor_name: string | null;
  org_unit_id: string | null;
  area_code: string | null;
  area_path: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json;
  after: Json;
  reason: string | null;
  client_ip: string | null;
  prev_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditCheckpointTable {
  seq: number;
  at: Ts;
  heads: Json;
  prev_hash: string;
  hash: string;
}

/** Generated secrets kept in the database (e.g. the PII key when none is configured). */
export interface SecretTable {
  name: string;
  value: string;
  created_at: Generated<Date>;
}
