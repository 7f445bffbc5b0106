import { z } from 'zod';
import { Day, Ts, page } from './common.ts';

/** Responses of the steps added by issue 10 (C2): 公布 and 近亲属备案. */

export const PUBLICATION_CHANNELS = ['村(居)务公开栏', '乡镇(街道)政务公开栏', '政府网站', '其他'] as const;

export const PublicationItem = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  refNo: z.string(),
  householdId: z.uuid(),
  areaCode: z.string(),
  areaPath: z.string(),
  areaName: z.string(),
  publishedOn: Day,
  channel: z.string(),
  place: z.string(),
  nameMasked: z.string(),
  householdSize: z.number(),
  insuredPersons: z.number(),
  amountCents: z.number(),
  createdAt: Ts,
});
export const PublicationPage = page(PublicationItem);
export type PublicationItem = z.output<typeof PublicationItem>;

/** GET /api/public/dibao/published: the list as posted in the village/community (names masked). */
export const PublicList = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  items: z.array(
    z.object({ name: z.string(), householdSize: z.number(), insuredPersons: z.number(), amountYuan: z.string(), publishedOn: Day, areaName: z.string() }),
  ),
});
