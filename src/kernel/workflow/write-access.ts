import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../identity/actor.ts';
import { recordInScope } from '../identity/scope.ts';
import { workflowOf, type CaseRow } from './define-workflow.ts';

/**
 * Comments and attachments need the case within the actor's own scope: an office that handed the
 * case on still reads it (through the handoff history) but may no longer add to it.
 */
export function assertCaseWritable(actor: Actor, c: CaseRow): void {
  if (recordInScope(actor, workflowOf(c.type).readPermission, { areaPath: c.area_path, orgUnitId: c.org_unit_id, ownerId: c.created_by })) return;
  throw new AppError(
    'CASE_READ_ONLY',
    403,
    '本单位已将此案件移交其他单位办理，只能查看，不能再添加意见或附件 / This case was handed on: your office may read it but not add comments or files',
  );
}
