// The workflow kernel's public entry: modules import from here and nothing else under kernel/workflow.
export {
  action,
  clockSpecs,
  creation,
  defineWorkflow,
  definitionProblems,
  registeredWorkflows,
  transition,
  workflowOf,
  type ActionDef,
  type CasePatch,
  type CaseRow,
  type ClockSpec,
  type EffectArgs,
  type InputOf,
  type Party,
  type ExtendLimit,
  type LegalBasis,
  type PeriodSpec,
  type StateDef,
  type SuspendKind,
  type SuspendRule,
  type TransitionDef,
  type Who,
  type WorkflowDefinition,
} from './define-workflow.ts';
export { applyAction, applySystemTransition, applyTransition, type TransitionRequest } from './apply-transition.ts';
export { recordCaseAct, runAction, runTransition, type StepRequest } from './step.ts';
export { parseInput } from '../../platform/http/parse-input.ts';
export { createCase, type CreateCaseInput } from './create-case.ts';
export { acknowledgeHandoff, handOff, objectHandoff, objectionWindow, type ObjectionWindow } from './handoff.ts';
export { startCaseClock, stopCaseClock, refreshCaseClockSummary } from './case-clocks.ts';
export { actorOrgIds, caseReadable, partyFacts, pathLevel, priorActs, type PriorAct } from './case-access.ts';
export { nextNumber } from './ref-number.ts';
export { availableTransitions, checkWho, decide, type PartyFacts } from './decide.ts';
export { caseNotFound, refusalError, WORKFLOW_ERRORS } from './errors.ts';
export { getCase } from './get-case.ts';
export { caseLink, type CaseLink } from './case-link.ts';
export { CaseDetail, CaseNextStep } from './contract.ts';
export { holdersAt, holdersByUnit, waitingFor, waitingLine } from './next-step.ts';
export { ALLOWED_ATTACHMENT_TYPES, checkAttachment, storeAttachment, type AttachmentFile } from './attachments.ts';
export { attachmentStore } from './attachments.ts';
export { openParts, caseParts, type OpenPartsRequest, type PartRole } from './co-handling.ts';
export { decideSignoff, openSignoff } from './signoff.ts';
