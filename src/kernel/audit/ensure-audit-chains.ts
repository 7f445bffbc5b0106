import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { genesisHash } from './hash.ts';

/**
 * Create head rows for chains 0..N-1 (N = AUDIT_CHAINS) that do not exist yet, each at its
 * genesis hash. Idempotent; run at every start by the seed step. Raising N later only adds
 * chains; lowering it leaves the extra chains in place (still verified, no longer written).
 */
export async function ensureAuditChains(ctx: AppContext): Promise<void> {
  const n = ctx.config.auditChains;
  const rows = Array.from({ length: n }, (_, i) => sql`(${i}, 0, ${genesisHash(i)})`);
  await sql`insert into core.audit_chain (chain_id, seq, head_hash) values ${sql.join(rows)}
    on conflict (chain_id) do nothing`.execute(ctx.db);
}
