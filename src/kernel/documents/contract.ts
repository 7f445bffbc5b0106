import { z } from 'zod';

/**
 * Official documents' HTTP contract (routes.ts): the exact wire shapes, serialized through these
 * schemas; the console and portal import the types (`import type`, erased at build).
 */
const Ts = z.string().describe('ISO 8601 timestamp');
const Day = z.string().describe('YYYY-MM-DD');

export const IssueDocumentBody = z.object({ type: z.string().min(1, '请选择文书类型').max(60) });
export const VerifyDocumentQuery = z.object({ no: z.string().trim().min(1, '请填写文书编号').max(60), code: z.string().trim().min(1, '请填写验证码').max(20) });

export const CaseDocument = z.object({
  id: z.uuid(),
  type: z.string(),
  title: z.string(),
  docNo: z.string(),
  version: z.number(),
  current: z.boolean(),
  issuer: z.string(),
  issuedOn: Day,
  issuedAt: Ts,
  issuedBy: z.string().nullable(),
  verifyCode: z.string(),
  sm3: z.string(),
  sizeBytes: z.number(),
  pdfUrl: z.string(),
  docxUrl: z.string().nullable(),
});
export type CaseDocument = z.output<typeof CaseDocument>;
export const CaseDocumentList = z.object({
  items: z.array(CaseDocument),
  /** The types the actor may issue now; `issued`: one has been issued before (issuing again makes a new version). */
  issuable: z.array(z.object({ type: z.string(), title: z.string(), issued: z.boolean() })),
});
export type CaseDocumentList = z.output<typeof CaseDocumentList>;
export const IssuedDocument = z.object({
  id: z.uuid(),
  type: z.string(),
  docNo: z.string(),
  version: z.number(),
  title: z.string(),
  sm3: z.string(),
  verifyCode: z.string(),
});
export type IssuedDocument = z.output<typeof IssuedDocument>;
/** The public check answers only what the paper shows (number, title, issuer, date) and the file's SM3. */
export const DocumentVerified = z.object({
  genuine: z.literal(true),
  docNo: z.string(),
  version: z.number(),
  current: z.boolean(),
  latestVersion: z.number(),
  title: z.string(),
  issuer: z.string(),
  issuedOn: Day,
  sm3: z.string(),
});
export type DocumentVerified = z.output<typeof DocumentVerified>;
