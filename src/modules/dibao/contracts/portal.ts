import { z } from 'zod';

/**
 * 低保 portal API responses (/api/public/dibao/*, routes.ts): the exact wire shapes, serialized
 * through these schemas; the portal page imports the types (`import type`, erased at build).
 */
const Ts = z.string().describe('ISO 8601 timestamp');
const Day = z.string().describe('YYYY-MM-DD');

export const OnlineApplied = z.object({
  refNo: z.string(),
  queryCode: z.string(),
  township: z.string(),
  missingMaterials: z.array(z.string()),
  notice: z.string(),
});
export const PublicTrack = z.object({
  refNo: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  township: z.string(),
  approvingLevel: z.string(),
  acceptedOn: Day.nullable(),
  dueDate: Day.nullable(),
  decidedOn: Day.nullable(),
  decision: z.string().nullable(),
  benefit: z.object({ amountYuan: z.string(), benefitFrom: Day, steps: z.array(z.string()) }).nullable(),
  refusalReasons: z.string().nullable(),
  /** 不予受理: the reason code and its text. */
  notAcceptedReason: z.string().nullable(),
  missingMaterials: z.array(z.string()),
  publicity: z.object({ from: Day, to: Day }).nullable(),
  /** The notices served on the household (文书编号 and 验证码 to check a paper copy at 文书查验). */
  notices: z.array(z.object({ title: z.string(), docNo: z.string(), version: z.number(), verifyCode: z.string(), issuedOn: Day, issuer: z.string() })),
  steps: z.array(z.object({ at: Ts, label: z.string(), state: z.string() })),
});
export const PublicStandard = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  today: Day,
  standards: z.array(
    z.object({
      kind: z.enum(['urban', 'rural']),
      label: z.string(),
      monthlyYuan: z.string().nullable(),
      effectiveFrom: Day.nullable(),
      document: z.string().nullable(),
      isDemo: z.boolean(),
      method: z.string().nullable(),
      /** 分档计发: the bands, lowest income first (第一档 …): per-capita monthly income from–below, amount per insured person a month. Null for 差额计发. */
      bands: z.array(z.object({ name: z.string(), incomeFromYuan: z.string(), incomeBelowYuan: z.string(), perPersonYuan: z.string() })).nullable(),
    }),
  ),
  approvingLevel: z.string().nullable(),
  materials: z.array(z.string()),
});
export const PublicTownships = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), level: z.number(), parentCode: z.string(), county: z.string() })),
});

export type OnlineApplied = z.output<typeof OnlineApplied>;
export type PublicTrack = z.output<typeof PublicTrack>;
export type PublicStandard = z.output<typeof PublicStandard>;
export type PublicTownship = z.output<typeof PublicTownships>['items'][number];
