import { usccCheckChar, orgCodeCheckChar } from '../../../kernel/codes/index.ts';
import { ORG_KIND_USCC_TYPE, type OrgKind } from '../contract.ts';

/** A valid USCC of 民政 for `kind` registered in `areaCode`, with organization body `seq` (MJ + 6 digits). */
export function makeUscc(kind: OrgKind, areaCode: string, seq: number): string {
  const body8 = `MJ${String(seq).padStart(6, '0')}`;
  const first17 = `5${ORG_KIND_USCC_TYPE[kind]}${areaCode}${body8}${orgCodeCheckChar(body8)}`;
  return first17 + usccCheckChar(first17);
}
