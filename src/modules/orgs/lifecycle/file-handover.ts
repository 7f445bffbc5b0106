import type { AppContext } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { registrarById } from '../registry/authority.ts';
import { EstablishInput } from './application-input.ts';
import { openEstablishment } from './file-application.ts';

export type EstablishmentHandover = {
  /** The unit that accepted the application (受理): it must be a registering authority. */
  authorityOrgUnitId: string;
  /** The case that hands it over (the hall's application), linked both ways. */
  origin: { caseId: string; refNo: string };
  /** The particulars as `EstablishInput` (kind, name, domicile, legalRepresentative, businessScope, capitalCents, supervisorUnit, documentsCompleteOn). */
  application: unknown;
};

/**
 * 成立登记 from the 政务服务大厅: the hall's back office accepted (受理) the application for the registrar
 * (一窗受理、后台审批), so the case is filed at that unit in the caller's transaction, its 60-day clock from
 * `documentsCompleteOn` (the day of 受理). The particulars are checked as at the registrar's own 收件
 * (400 naming the field); a name the rules refuse is refused here (409 with the reasons), so nothing is
 * accepted that could only be 不予登记 for its name.
 */
export async function fileEstablishmentHandover(tx: AppContext, actor: Actor, req: EstablishmentHandover): Promise<{ id: string; refNo: string }> {
  const input = parseInput(EstablishInput, req.application);
  const authority = await registrarById(tx, req.authorityOrgUnitId);
  const filed = await openEstablishment(tx, actor, authority, input, { origin: req.origin, refuseBadName: true });
  return { id: filed.id, refNo: filed.refNo };
}
