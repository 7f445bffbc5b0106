import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { withTx } from '../../platform/context.ts';
import { chinaDate } from '../../platform/china-time.ts';
import { actorOf } from '../../kernel/identity/index.ts';
import { applyAction } from '../../kernel/workflow/index.ts';
import { REQUEST_TYPE } from './contracts/labels.ts';
import { MakeProactiveInput } from './requests/make-proactive.ts';
import { ItemInput, RegisterRequestInput } from './contracts/inputs.ts';
import { AnnualTables, ItemPage, Registered, RequestPage } from './contracts/http.ts';
import { registerRequest } from './requests/register-request.ts';
import { createItem } from './items/create-item.ts';
import { ListRequestsQuery, listRequests } from './queries/list-requests.ts';
import { ListItemsQuery, listItems } from './queries/list-items.ts';
import { annualArea, checkYear } from './report/annual-area.ts';
import { annualTables } from './report/annual-tables.ts';
import { annualDocx, annualXlsx } from './report/annual-files.ts';
import { FeeItemInput, FeeItemsQuery, createFeeItem, feeItems } from './charges/fee-items.ts';

const AnnualQuery = z.object({
  year: z.coerce.number({ message: '「year」须为四位年份' }).int('「year」须为四位年份'),
  area: z
    .string()
    .regex(/^\d{6,12}$/, '「area」须为 6–12 位行政区划代码')
    .optional(),
});
const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * 政务公开 staff API. Moves on a request (补正, 征求第三方意见, 答复) and an item (审核发布, 撤回) go
 * through the kernel's POST /api/cases/:id/transitions/:name; the extension (延长答复期限, with the
 * 延期告知书) through POST /api/cases/:id/clocks/answer/extend; 纳入主动公开 (第四十四条) here.
 */
export async function registerDisclosureRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['disclosure'];
  app.post(
    '/api/disclosure/requests',
    { schema: { tags, summary: '登记政府信息公开申请（信函、传真、当面提交；工作人员代填）', body: RegisterRequestInput, response: { 201: Registered } } },
    async (req, reply) => reply.status(201).send(await registerRequest(ctx, actorOf(req), req.body)),
  );
  app.post(
    '/api/disclosure/requests/:id/proactive',
    {
      schema: {
        tags,
        summary: '依申请公开的信息纳入主动公开（第四十四条；生成待审核发布的主动公开信息）',
        params: z.object({ id: z.uuid('申请 ID 格式不正确') }),
        body: MakeProactiveInput,
        response: { 201: z.object({ itemId: z.string() }) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await applyAction<{ itemId: string }>(ctx, actorOf(req), { caseId: req.params.id, type: REQUEST_TYPE, action: 'make_proactive', input: req.body }),
        ),
  );
  app.get(
    '/api/disclosure/requests',
    { schema: { tags, summary: '政府信息公开申请列表（按数据范围）', querystring: ListRequestsQuery, response: { 200: RequestPage } } },
    async (req) => listRequests(ctx, actorOf(req), req.query),
  );
  app.post(
    '/api/disclosure/items',
    {
      schema: {
        tags,
        summary: '主动公开信息拟公开登记（生成索引号，20 个工作日公开期限起算）',
        body: ItemInput,
        response: { 201: z.object({ id: z.string(), refNo: z.string(), indexNo: z.string(), state: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await withTx(ctx, (tx) => createItem(tx, actorOf(req), req.body))),
  );
  app.get(
    '/api/disclosure/items',
    { schema: { tags, summary: '主动公开信息（本机关及下级，含待审核、已撤回）', querystring: ListItemsQuery, response: { 200: ItemPage } } },
    async (req) => listItems(ctx, actorOf(req), req.query),
  );
  app.post(
    '/api/disclosure/fee-items',
    {
      schema: {
        tags,
        summary: '登记本单位行政事业性收费项目及本年收费金额（万元；第二十条第（八）项）',
        body: FeeItemInput,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await createFeeItem(ctx, actorOf(req), req.body)),
  );
  app.get(
    '/api/disclosure/fee-items',
    { schema: { tags, summary: '行政事业性收费项目（按数据范围；为空即本机关无收费项目）', querystring: FeeItemsQuery } },
    async (req) => feeItems(ctx, actorOf(req), req.query.year),
  );
  const tables = async (req: { query: z.infer<typeof AnnualQuery> }, actor: ReturnType<typeof actorOf>) => {
    const year = checkYear(req.query.year, chinaDate(ctx.clock.now()));
    return annualTables(ctx, actor, await annualArea(ctx, actor, req.query.area), year);
  };
  app.get(
    '/api/disclosure/annual',
    {
      schema: {
        tags,
        summary: '政府信息公开工作年度报告表格（国办公开办函〔2021〕30号格式；每个数字附来源记录）',
        querystring: AnnualQuery,
        response: { 200: AnnualTables },
      },
    },
    async (req) => tables(req, actorOf(req)),
  );
  for (const ext of ['docx', 'xlsx'] as const)
    app.get(
      `/api/disclosure/annual.${ext}`,
      { schema: { tags, summary: `政府信息公开工作年度报告（${ext}）`, querystring: AnnualQuery } },
      async (req, reply) => {
        const t = await tables(req, actorOf(req));
        const bytes = ext === 'docx' ? await annualDocx(t) : await annualXlsx(t);
        const name = `${t.area.name}${t.year}年政府信息公开工作年度报告.${ext}`;
        return reply
          .type(MIME[ext])
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
          .send(bytes);
      },
    );
}
