import { withTx, type AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { decryptPii } from '../../../platform/crypto/pii.ts';
import { recordPiiRead } from '../../../kernel/audit/index.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { ENFORCEMENT_PERMISSIONS as P } from '../contracts/labels.ts';
import { TIPOFF_ERRORS as E } from '../contracts/tipoff-labels.ts';
import { lockTipoff } from './tipoff-row.ts';
import { mayReveal } from './tipoff-queries.ts';

/**
 * 举报人信息: decrypted for a user of the handling unit who holds the informant permission there, and
 * audited (pii.read) in the same transaction, so no one reads it without a trace.
 */
export async function revealInformant(ctx: AppContext, actor: Actor, id: string) {
  return withTx(ctx, async (tx) => {
    const r = await lockTipoff(tx, actor, id, P.read);
    if (!mayReveal(actor, r.org_unit_id)) throw new AppError('ENFORCEMENT_INFORMANT_FORBIDDEN', 403, E.INFORMANT_FORBIDDEN);
    if (!r.informant_name && !r.informant_phone) throw new AppError('ENFORCEMENT_TIPOFF_ANONYMOUS', 409, E.ANONYMOUS);
    await recordPiiRead(tx, actor, { entityType: 'enforcement_tipoff', entityId: r.id, areaPath: r.area_path, fields: ['informantName', 'informantPhone'] });
    return {
      name: r.informant_name ? await decryptPii(tx, r.informant_name) : null,
      phone: r.informant_phone ? await decryptPii(tx, r.informant_phone) : null,
    };
  });
}
