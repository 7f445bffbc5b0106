import { z } from 'zod';

/** Wire shapes of the 清理 routes (cleanup/routes.ts). */
export const CleanupHead = z.object({
  id: z.string(),
  name: z.string(),
  basis: z.string(),
  asOf: z.string(),
  seriesWord: z.string(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  areaPath: z.string(),
  openedBy: z.string(),
  closedOn: z.string().nullable(),
  closedBy: z.string().nullable(),
  documents: z.number(),
  concluded: z.number(),
  /** 完成期限 (null for campaigns from before deadlines were kept). */
  dueOn: z.string().nullable(),
  /** Open past 完成期限 with documents lacking a conclusion: shown as 停滞; it cannot be closed or published so. */
  stalled: z.boolean(),
});
export const CleanupItem = z.object({
  caseId: z.string(),
  number: z.string(),
  title: z.string(),
  validUntil: z.string().nullable(),
  state: z.string(),
  conclusion: z.string().nullable(),
  reason: z.string().nullable(),
  concludedBy: z.string().nullable(),
  revisionCaseId: z.string().nullable(),
});
export const CleanupList = z.object({ items: z.array(CleanupHead) });
export const CleanupDetail = CleanupHead.extend({ items: z.array(CleanupItem) });
export const CleanupOpened = z.object({ id: z.string(), documents: z.number() });
export const CleanupConcluded = z.object({ caseId: z.string(), conclusion: z.string(), reason: z.string() });
export const CleanupClosed = z.object({ id: z.string(), closedOn: z.string(), counts: z.record(z.string(), z.number()) });

/** 清理结果 on the portal: closed campaigns with each document's conclusion. */
export const PublicCleanups = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      basis: z.string(),
      issuer: z.string(),
      asOf: z.string(),
      closedOn: z.string(),
      items: z.array(z.object({ number: z.string(), title: z.string(), conclusion: z.string(), reason: z.string() })),
    }),
  ),
});
