import { orgCodeCheckChar, usccCheckChar } from '../../../kernel/codes/index.ts';

/** A valid 统一社会信用代码 of a government body (1 机构编制, 1 机关) in an area; `seq` makes it unique. */
export function bodyUscc(area6: string, seq: number): string {
  const org8 = `${area6.slice(2, 6)}${String(seq).padStart(4, '0')}`;
  const first17 = `11${area6}${org8}${orgCodeCheckChar(org8)}`;
  return first17 + usccCheckChar(first17);
}
