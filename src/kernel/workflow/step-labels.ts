import { workflowOf } from './define-workflow.ts';

/** The kernel's own steps (hand-offs, sign-offs, supervision, clocks), in Chinese. */
const KERNEL_STEPS: Record<string, string> = {
  create: '登记',
  transfer: '转办',
  assign: '交办',
  acknowledge: '签收',
  object: '异议退回',
  withdraw: '撤回',
  withdraw_handoff: '撤回转办',
  return: '退回',
  'signoff.open': '发起会签',
  'signoff.decide': '会签',
  supervise: '督办',
  'supervise.feedback': '督办反馈',
  overdue: '超期',
  extend: '延期',
  'parts.open': '分送主办、协办、会办',
  'approval.route': '审批送上一级',
};

/** A step's Chinese name: the type's transition or action, its registration, else the kernel's. */
export function transitionLabel(def: ReturnType<typeof workflowOf>, name: string): string {
  return def.transitions[name]?.label ?? def.actions?.[name]?.label ?? (name === 'create' ? def.create.label : inHandoffWords(def, KERNEL_STEPS[name] ?? name));
}

/** A kernel text in the type's own word for 转办 (信访: 转送), when the type names one. */
export function inHandoffWords(def: Pick<ReturnType<typeof workflowOf>, 'handoff'>, text: string): string {
  const word = def.handoff?.transferWord;
  return word ? text.replaceAll('转办', word) : text;
}

/** Every step of a type by name (what its case events and audit actions `<type>.<step>` name). */
export function stepLabels(def: ReturnType<typeof workflowOf>): Record<string, string> {
  const names = new Set([...Object.keys(KERNEL_STEPS), ...Object.keys(def.transitions), ...Object.keys(def.actions ?? {})]);
  return Object.fromEntries([...names].map((n) => [n, transitionLabel(def, n)]));
}
