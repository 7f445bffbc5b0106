import { validateUscc } from '../../../kernel/codes/index.ts';
import { badRequest } from '../../../platform/errors.ts';
import { ORG_KIND_LABEL, ORG_KIND_USCC_TYPE, type OrgKind } from '../contract.ts';

/**
 * A 统一社会信用代码 fit for an organization of `kind` registered by the authority of `areaCode`:
 * valid (check character and the embedded 组织机构代码, GB 32100 / GB 11714), 登记管理部门 5 (民政),
 * 机构类别 matching the kind, positions 3–8 the authority's area code (regulations.md §3.1).
 * Otherwise 400 naming what is wrong.
 */
export function usccFor(raw: string, kind: OrgKind, areaCode: string): string {
  const r = validateUscc(raw);
  if (!r.valid) throw badRequest('ORG_BAD_USCC', `统一社会信用代码“${r.code}”不正确：${r.reason}。`, { field: 'uscc', reason: r.reasonCode });
  if (r.parts.departmentCode !== '5')
    throw badRequest(
      'ORG_BAD_USCC',
      `统一社会信用代码“${r.code}”的登记管理部门代码为${r.parts.departmentCode}（${r.parts.departmentName}），社会组织应为5（民政）。`,
      {
        field: 'uscc',
      },
    );
  if (r.parts.typeCode !== ORG_KIND_USCC_TYPE[kind])
    throw badRequest(
      'ORG_USCC_KIND',
      `统一社会信用代码“${r.code}”的机构类别代码为${r.parts.typeCode}（${r.parts.typeName}），${ORG_KIND_LABEL[kind]}应为${ORG_KIND_USCC_TYPE[kind]}。`,
      { field: 'uscc' },
    );
  if (r.parts.areaCode !== areaCode)
    throw badRequest('ORG_BAD_USCC', `统一社会信用代码“${r.code}”第3至8位为${r.parts.areaCode}，应为登记管理机关的行政区划代码${areaCode}。`, {
      field: 'uscc',
    });
  return r.code;
}
