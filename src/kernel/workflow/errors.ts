import { AppError } from '../../platform/errors.ts';
import type { Refusal } from './decide.ts';

export const WORKFLOW_ERRORS = {
  CASE_NOT_FOUND: '案件不存在或无权查看',
  VERSION_CONFLICT: '案件已被他人更新，请刷新后重试',
  REASON_REQUIRED: '请填写理由',
  ORG_UNIT_NOT_FOUND: '接收单位不存在或已停用',
  HANDOFF_NOT_FOUND: '没有待签收的转办/交办记录',
  NOTHING_TO_WITHDRAW: '没有可以撤回的操作（下一环节已办理或该操作不可撤回）',
  RETURN_NOT_ALLOWED: '不能退回到该环节',
  HANDOFF_OBJECTION_NEEDS_AGREEMENT: '异议须经转送、交办单位核实同意后才能退回，请通过本事项的「提出异议」办理',
} as const;

export const caseNotFound = () => new AppError('CASE_NOT_FOUND', 404, WORKFLOW_ERRORS.CASE_NOT_FOUND);

const STATUS: Record<Refusal['code'], number> = {
  TRANSITION_UNKNOWN: 400,
  CASE_CLOSED: 409,
  PENDING_HANDOFF: 409,
  STATE_NOT_ALLOWED: 409,
  NOT_PERMITTED: 403,
  LEVEL_NOT_ALLOWED: 403,
  SAME_ACTOR: 403,
  NOT_ABOVE: 403,
};

export function refusalError(r: Refusal): AppError {
  return new AppError(r.code, STATUS[r.code], r.message);
}
