import { z } from 'zod';

/** The wire shapes of the 政务公开 routes (the console and portal import the types). */
export const RequestTrack = z.object({
  refNo: z.string(),
  office: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  receivedOn: z.string(),
  content: z.string(),
  answerDue: z.string().nullable(),
  paused: z.object({ reason: z.string(), since: z.string() }).nullable(),
  extensions: z.array(z.object({ workdays: z.number(), reason: z.string(), approvedOn: z.string() })),
  correction: z.object({ text: z.string(), due: z.string().nullable() }).nullable(),
  steps: z.array(z.object({ at: z.string(), label: z.string() })),
  answer: z.object({ kind: z.string(), answeredOn: z.string(), docNo: z.string().nullable(), verifyCode: z.string().nullable() }).nullable(),
});
export type RequestTrack = z.infer<typeof RequestTrack>;

export const Submitted = z.object({ refNo: z.string(), queryCode: z.string(), receivedOn: z.string(), notice: z.string() });
export const Registered = z.object({ id: z.string(), refNo: z.string(), state: z.string(), queryCode: z.string() });

export const RequestListItem = z.object({
  id: z.string(),
  refNo: z.string(),
  state: z.string(),
  office: z.string(),
  areaCode: z.string(),
  channel: z.string(),
  applicantKind: z.string(),
  applicantName: z.string(),
  content: z.string(),
  receivedOn: z.string(),
  dueDate: z.string().nullable(),
  clockState: z.string().nullable(),
  answerKind: z.string().nullable(),
  answeredOn: z.string().nullable(),
});
export const RequestPage = z.object({ items: z.array(RequestListItem), total: z.number() });

export const Item = z.object({
  id: z.string(),
  indexNo: z.string(),
  title: z.string(),
  category: z.number(),
  categoryLabel: z.string(),
  office: z.string(),
  formedOn: z.string(),
  publishedOn: z.string().nullable(),
  /** The date of the last published 变更 (the text shown is the changed one). */
  changedOn: z.string().nullable(),
  validity: z.string(),
  summary: z.string(),
  source: z.string().nullable(),
  /** The console path of the record another module produced it from (staff only). */
  sourceLink: z.string().nullable(),
  state: z.string(),
  publishDue: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  withdrawReason: z.string().nullable(),
});
export type Item = z.infer<typeof Item>;
export const ItemPage = z.object({ items: z.array(Item), total: z.number() });
export const PublicItem = Item.pick({
  indexNo: true,
  title: true,
  category: true,
  categoryLabel: true,
  office: true,
  formedOn: true,
  publishedOn: true,
  changedOn: true,
  validity: true,
  summary: true,
  withdrawnOn: true,
  withdrawReason: true,
});
export const PublicItemPage = z.object({ items: z.array(PublicItem), total: z.number() });

/** One cell of the 30号 tables: its value and the records behind it. */
/** A figure and the records behind it; `href` is the console path the ids open under ('/cases/' when absent, '' for no link). */
export const Cell = z.object({ value: z.number(), ids: z.array(z.string()), href: z.string().optional() });
/** 二、主动公开 in the 30号 tables of 第二十条 (一)(五)(六)(八): counts from the modules holding the acts, each with its records. */
export const AnnualActs = z.object({
  documents: z.array(z.object({ label: z.string(), issued: Cell, repealed: Cell, current: Cell, note: z.string().optional() })),
  decisions: z.array(z.object({ item: z.string(), label: z.string(), decisions: Cell, note: z.string().optional() })),
  charges: z.object({
    label: z.string(),
    tenThousandYuan: Cell,
    note: z.string(),
    items: z.array(z.object({ id: z.string(), org: z.string(), name: z.string(), basis: z.string(), amount: z.number() })),
  }),
});
/** 四、政府信息公开行政复议、行政诉讼情况: each group's cells 结果维持, 结果纠正, 其他结果, 尚未审结, 总计. */
export const AnnualRemedies = z.object({ review: z.array(Cell), direct: z.array(Cell), afterReview: z.array(Cell), note: z.string() });
export type AnnualActs = z.infer<typeof AnnualActs>;
export const AnnualTables = z.object({
  year: z.number(),
  area: z.object({ code: z.string(), name: z.string() }),
  proactive: z.array(z.object({ category: z.string(), published: Cell, withdrawn: Cell, current: Cell })),
  acts: AnnualActs,
  remedies: AnnualRemedies,
  requestColumns: z.array(z.string()),
  requestRows: z.array(z.object({ label: z.string(), level: z.number(), cells: z.array(Cell) })),
  crossCheck: z.object({ ok: z.boolean(), text: z.string() }),
  fees: Cell,
  onTime: z.object({ answered: z.number(), late: Cell }),
});
export type AnnualTables = z.infer<typeof AnnualTables>;
