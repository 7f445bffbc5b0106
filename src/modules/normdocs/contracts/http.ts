import { z } from 'zod';

/** Wire shapes of the 规范性文件 routes (routes.ts). */
export const RegisterResult = z.object({ id: z.string(), refNo: z.string(), state: z.string() });
export const ActionResult = z.object({ id: z.string().optional(), versionNo: z.number().optional() });

export const NormdocListItem = z.object({
  id: z.string(),
  refNo: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  createdOn: z.string(),
  signedOn: z.string().nullable(),
  publishedOn: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  validUntil: z.string().nullable(),
  filedOn: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** The document this one continues (继续施行, new number and period) or revises (修改). */
  previous: z.object({ id: z.string(), number: z.string().nullable(), kind: z.string() }).nullable(),
  /** The document that replaced it (end kind 重新登记 or 修改). */
  next: z.object({ id: z.string(), number: z.string().nullable(), kind: z.string() }).nullable(),
});
export const NormdocPage = z.object({ items: z.array(NormdocListItem), total: z.number(), page: z.number(), pageSize: z.number() });

export const NormdocDetail = NormdocListItem.extend({
  draftedBy: z.string(),
  signedBy: z.string().nullable(),
  numberedOn: z.string().nullable(),
  publishedIn: z.string().nullable(),
  filedWith: z.string().nullable(),
  versions: z.array(z.object({ versionNo: z.number(), text: z.string(), note: z.string().nullable(), source: z.string(), by: z.string(), at: z.string() })),
  consultation: z
    .object({
      way: z.string(),
      targets: z.string().nullable(),
      startOn: z.string(),
      endOn: z.string(),
      minDays: z.number(),
      versionNo: z.number(),
      by: z.string(),
    })
    .nullable(),
  comments: z.array(
    z.object({
      id: z.string(),
      commenter: z.string(),
      content: z.string(),
      receivedOn: z.string(),
      channel: z.string(),
      disposition: z.string().nullable(),
      reason: z.string().nullable(),
      disposedBy: z.string().nullable(),
    }),
  ),
  reviews: z.array(
    z.object({
      round: z.number(),
      versionNo: z.number(),
      submittedOn: z.string(),
      conclusion: z.string().nullable(),
      opinion: z.string().nullable(),
      reviewedBy: z.string().nullable(),
      reviewedOn: z.string().nullable(),
      checklist: z.array(z.object({ item: z.string(), ok: z.boolean(), note: z.string().optional() })).nullable(),
    }),
  ),
  meeting: z
    .object({ metOn: z.string(), name: z.string(), attendees: z.string(), decision: z.string(), versionNo: z.number(), recordedBy: z.string() })
    .nullable(),
  heads: z.array(z.object({ party: z.string(), decision: z.string().nullable(), comment: z.string().nullable(), at: z.string().nullable() })),
  gates: z.array(z.object({ gate: z.string(), passed: z.boolean(), on: z.string().nullable(), by: z.string().nullable() })),
  /** The document this draft revises (opened by a 清理 conclusion 修改). */
  revises: z.object({ id: z.string(), number: z.string().nullable() }).nullable(),
  /** The 清理 campaigns that listed it, with their conclusion. */
  cleanups: z.array(
    z.object({ cleanupId: z.string(), name: z.string(), closedOn: z.string().nullable(), conclusion: z.string().nullable(), reason: z.string().nullable() }),
  ),
  /** Its evaluations (有效期届满前评估, 决策后评估), oldest first; 修改 names the revision draft it opened. */
  evaluations: z.array(
    z.object({
      id: z.string(),
      evaluatedOn: z.string(),
      evaluator: z.string(),
      thirdParty: z.boolean(),
      method: z.string(),
      findings: z.string(),
      conclusion: z.string(),
      revisionCaseId: z.string().nullable(),
      recordedBy: z.string(),
    }),
  ),
  /** The end of its force: 废止 / 失效 / 修改 (replaced by the published revision, from its 施行日期). */
  ended: z
    .object({
      kind: z.string(),
      on: z.string(),
      reason: z.string().nullable(),
      replacedBy: z.object({ id: z.string(), number: z.string().nullable() }).nullable(),
    })
    .nullable(),
});
export const EvaluationRecorded = z.object({ id: z.string(), revisionCaseId: z.string().nullable() });

export const PublicNormdocs = z.object({
  on: z.string(),
  items: z.array(
    z.object({
      /** For the 正式文本 links (/api/public/normdocs/:id/official.pdf|docx). */
      id: z.string(),
      number: z.string(),
      title: z.string(),
      issuer: z.string(),
      publishedOn: z.string(),
      effectiveOn: z.string(),
      validUntil: z.string(),
      text: z.string(),
    }),
  ),
});
export const NormdocSettings = z.object({ consultationMinDays: z.number() });

/** 公开征求意见 on the portal: the open consultations with the text under consultation. */
export const PublicConsultation = z.object({
  id: z.string(),
  title: z.string(),
  drafter: z.string(),
  startOn: z.string(),
  endOn: z.string(),
  versionNo: z.number(),
  text: z.string(),
  comments: z.number(),
});
export const PublicConsultations = z.object({ on: z.string(), items: z.array(PublicConsultation) });
export const PortalCommentResult = z.object({ receivedOn: z.string(), notice: z.string() });
export const HeadCandidates = z.object({ items: z.array(z.object({ userId: z.string(), name: z.string(), orgUnitName: z.string() })) });
