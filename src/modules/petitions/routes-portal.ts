import { sendDocumentPdf } from '../../kernel/documents/index.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { SATISFACTION } from './contract.ts';
import { ratePetition } from './commands/rate-petition.ts';
import { sql } from 'kysely';
import { requestRecheck } from './commands/request-recheck.ts';
import { requestReview } from './commands/request-review.ts';
import { PORTAL_MAX_FILE_BYTES, PORTAL_MAX_FILES, SubmitOnlineInput, submitOnline } from './commands/submit-online.ts';
import { parseInput } from '../../platform/http/parse-input.ts';
import { AppError } from '../../platform/errors.ts';
import type { AttachmentFile } from '../../kernel/workflow/index.ts';
import { checkSolution } from '../../kernel/portal/index.ts';
import { trackPetition } from './commands/track-petition.ts';
import { PetitionTrack } from './contracts/portal.ts';
import { servedOpinionPdf } from './commands/served-opinion.ts';
import { addMaterials } from './commands/add-materials.ts';

const Ref = z.string().trim().min(1, '请填写信访事项编号').max(40);
const PublicArea = z.object({ code: z.string(), name: z.string(), level: z.number(), parentCode: z.string().nullable() });
const Code = z.string().trim().min(1, '请填写查询码').max(40);
const Requested = z.object({ refNo: z.string(), state: z.string(), notice: z.string() });
/** A JSON submission: the petition plus the proof of work (checked by spendSolution); multipart sends it in field `petition`. */
const PortalPetitionBody = SubmitOnlineInput.extend({ pow: z.object({ challenge: z.string(), nonce: z.string() }).partial().optional() });

/**
 * 信访 portal API under /api/public: no session (the identity plugin only checks CSRF when a
 * session cookie is presented), rate-limited per address.
 */
export async function registerPetitionPortalRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['petitions'];
  app.get(
    '/api/public/areas',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags, summary: '问题发生地可选的行政区划（自治区、市、县，公开参考数据）', response: { 200: z.object({ items: z.array(PublicArea) }) } },
    },
    async (_req, reply) => {
      const rows = (
        await sql<{ code: string; name: string; level: number; parent_code: string | null }>`select code, name, level, parent_code from core.area
      where level <= 3 and active and not is_sample order by path`.execute(ctx.db)
      ).rows;
      return reply
        .header('cache-control', 'public, max-age=3600')
        .send({ items: rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code })) });
    },
  );
  app.post(
    '/api/public/petitions',
    {
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags,
        body: PortalPetitionBody.nullish(),
        response: { 201: z.object({ refNo: z.string(), queryCode: z.string(), attachments: z.number(), notice: z.string() }) },
        summary: `网上信访（无需登录，须附安全校验 pow: { challenge, nonce }），返回编号和一次性查询码。带证明材料时用 multipart：字段 petition（JSON）和至多 ${PORTAL_MAX_FILES} 个 files（每个 ≤ ${PORTAL_MAX_FILE_BYTES / 1024 / 1024} MB）`,
      },
    },
    async (req, reply) => {
      const { body, files } = req.isMultipart() ? await readMultipart(req, ctx) : { body: req.body, files: [] };
      const { pow, ...petition } = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
      return reply.status(201).send(await submitOnline(ctx, petition as never, { pow, requirePow: true, files }));
    },
  );
  app.post(
    '/api/public/petitions/materials',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        response: { 201: z.object({ refNo: z.string(), added: z.number(), materials: z.number() }) },
        summary: `补充证明材料（multipart：字段 refNo、queryCode，至多 ${PORTAL_MAX_FILES} 个 files，每个 ≤ ${PORTAL_MAX_FILE_BYTES / 1024 / 1024} MB；办结、终结后不再接收）`,
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('VALIDATION_FAILED', 400, '请以 multipart/form-data 提交证明材料', { field: 'files' });
      const { fields, files } = await readParts(req, ['refNo', 'queryCode']);
      const { refNo, queryCode } = parseInput(z.object({ refNo: Ref, queryCode: Code }), fields);
      return reply.status(201).send(await addMaterials(ctx, { refNo, queryCode, files }));
    },
  );
  app.post(
    '/api/public/petitions/track',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, summary: '查询办理进度（编号 + 查询码）', body: z.object({ refNo: Ref, queryCode: Code }), response: { 200: PetitionTrack } },
    },
    async (req) => trackPetition(ctx, req.body.refNo, req.body.queryCode),
  );
  app.post(
    '/api/public/petitions/opinion.pdf',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '下载已送达的处理意见书、复查意见书或复核意见书 PDF（编号 + 查询码；送达前 409）',
        body: z.object({
          refNo: Ref,
          queryCode: Code,
          which: z
            .enum(['opinion', 'review', 'recheck'], { message: '文书种类须为 opinion（处理意见书）、review（复查意见书）或 recheck（复核意见书）' })
            .optional(),
        }),
      },
    },
    async (req, reply) => {
      const { doc, bytes } = await servedOpinionPdf(ctx, req.body.refNo, req.body.queryCode, req.body.which);
      const name = `${doc.title}-${doc.docNo}${doc.version > 1 ? `-第${doc.version}版` : ''}.pdf`;
      return sendDocumentPdf(reply, doc.sm3, name, bytes);
    },
  );
  app.post(
    '/api/public/petitions/rate',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '满意度评价',
        body: z.object({
          refNo: Ref,
          queryCode: Code,
          satisfaction: z.enum(SATISFACTION, { message: '评价须为满意、基本满意或不满意' }),
          comment: z.string().max(500).optional(),
        }),
        response: { 200: z.object({ satisfaction: z.enum(SATISFACTION), hint: z.string().nullable() }) },
      },
    },
    async (req) => ratePetition(ctx, req.body),
  );
  app.post(
    '/api/public/petitions/review',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '申请复查（收到书面答复之日起 30 日内）',
        body: z.object({ refNo: Ref, queryCode: Code, reason: z.string().trim().min(5, '请说明申请复查的理由').max(5000) }),
        response: { 200: Requested },
      },
    },
    async (req) => requestReview(ctx, req.body),
  );
  app.post(
    '/api/public/petitions/recheck',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '申请复核（收到书面复查意见之日起 30 日内）',
        body: z.object({
          refNo: Ref,
          queryCode: Code,
          reason: z.string().trim().min(5, '请说明申请复核的理由（不少于 5 字）').max(5000, '理由不超过 5000 字'),
        }),
        response: { 200: Requested },
      },
    },
    async (req) => requestRecheck(ctx, req.body),
  );
}

/**
 * The multipart form of a portal submission: the petition as JSON in field `petition`, files in
 * `files`. The field comes first: its proof of work is checked before any upload is read.
 */
async function readMultipart(req: FastifyRequest, ctx: AppContext): Promise<{ body: unknown; files: AttachmentFile[] }> {
  const parse = (v: string | undefined) => {
    try {
      return v === undefined ? null : (JSON.parse(v) as unknown);
    } catch {
      throw new AppError('VALIDATION_FAILED', 400, '「petition」不是有效的 JSON');
    }
  };
  const { fields, files } = await readParts(req, ['petition'], async (f) => {
    const body = parse(f.petition);
    await checkSolution(ctx, body && typeof body === 'object' ? (body as { pow?: unknown }).pow : undefined);
  });
  return { body: parse(fields.petition), files };
}

/** Text fields (only those named) and up to PORTAL_MAX_FILES files of a portal multipart request, with Chinese errors. */
async function readParts(
  req: FastifyRequest,
  names: string[],
  beforeFiles?: (fields: Record<string, string>) => Promise<void>,
): Promise<{ fields: Record<string, string>; files: AttachmentFile[] }> {
  const fields: Record<string, string> = {};
  const files: AttachmentFile[] = [];
  let checked = !beforeFiles;
  try {
    for await (const part of req.parts({
      limits: { files: PORTAL_MAX_FILES + 1, fileSize: PORTAL_MAX_FILE_BYTES + 1, fields: names.length + 2, fieldSize: 512 * 1024 },
    })) {
      if (part.type === 'file' && !checked) {
        await beforeFiles!(fields);
        checked = true;
      }
      if (part.type === 'file') files.push({ fileName: part.filename, mimeType: part.mimetype, bytes: await part.toBuffer() });
      else if (names.includes(part.fieldname)) fields[part.fieldname] = String(part.value);
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('ATTACHMENT_TOO_LARGE', 413, `附件超过 ${PORTAL_MAX_FILE_BYTES / 1024 / 1024} MB 上限`, { field: 'files' });
    if (code === 'FST_FILES_LIMIT') throw new AppError('ATTACHMENT_TOO_MANY', 400, `证明材料最多 ${PORTAL_MAX_FILES} 个文件`, { field: 'files' });
    throw e;
  }
  if (files.length > PORTAL_MAX_FILES)
    throw new AppError('ATTACHMENT_TOO_MANY', 400, `证明材料最多 ${PORTAL_MAX_FILES} 个文件（现有 ${files.length} 个）`, { field: 'files' });
  return { fields, files };
}
