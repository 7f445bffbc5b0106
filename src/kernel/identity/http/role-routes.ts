import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { requirePermission } from '../actor.ts';
import { requireAdmin, requireAdminTotp } from '../admin-totp.ts';
import { identityError } from '../contract.ts';
import { delegateRole } from '../commands/delegate-role.ts';
import { revokeAssignment } from '../commands/revoke-role.ts';
import { AssignmentDto, toAssignmentDto } from '../dto.ts';
import { listLoginLog, LOGIN_OUTCOMES } from '../queries/list-login-log.ts';
import { listRoles } from '../queries/list-roles.ts';
import { assignmentSelect } from '../queries/list-user-roles.ts';
import { actorOf } from './request-actor.ts';
import { NO_CONTENT } from '../../../platform/http/responses.ts';

/** 角色目录、代管、登录日志. */
export async function registerRoleRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  const Perm = z.object({ code: z.string(), label: z.string() });
  app.get(
    '/api/roles',
    {
      schema: {
        tags: ['roles'],
        summary: '角色及权限目录',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                nameEn: z.string().nullable(),
                description: z.string().nullable(),
                builtin: z.boolean(),
                permissions: z.array(Perm),
              }),
            ),
            permissions: z.array(Perm.extend({ group: z.string() })),
            scopes: z.array(z.object({ code: z.string(), label: z.string() })),
          }),
        },
      },
    },
    async (req) => {
      requirePermission(actorOf(req), 'role.read');
      return listRoles(ctx);
    },
  );

  app.post(
    '/api/delegations',
    {
      schema: {
        tags: ['roles'],
        summary: '代管：将一项角色授权在限定期限内交由他人代为行使',
        body: z.object({
          fromAssignmentId: z.uuid('授权 ID 格式不正确'),
          toUserId: z.uuid('用户 ID 格式不正确'),
          validFrom: z.coerce.date({ message: '开始时间格式不正确' }),
          validTo: z.coerce.date({ message: '结束时间格式不正确' }),
          reason: z.string().trim().min(2, '请填写代管事由').max(500),
        }),
        response: { 201: AssignmentDto },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      requireAdminTotp(ctx, actor);
      const { id } = await delegateRole(ctx, actor, req.body);
      const row = await assignmentSelect(ctx).where('ra.id', '=', id).executeTakeFirstOrThrow();
      return reply.status(201).send(toAssignmentDto(row, ctx.clock.now()));
    },
  );

  app.delete(
    '/api/delegations/:id',
    {
      schema: { tags: ['roles'], summary: '提前结束代管（角色持有人或用户管理员）', params: z.object({ id: z.uuid() }), response: NO_CONTENT },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      requireAdminTotp(ctx, actor);
      const a = await ctx.db.selectFrom('core.role_assignment').select(['delegated_from']).where('id', '=', req.params.id).executeTakeFirst();
      if (!a?.delegated_from) throw identityError('ASSIGNMENT_NOT_FOUND', '代管记录不存在或无权查看');
      await revokeAssignment(ctx, actor, req.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/login-log',
    {
      schema: {
        tags: ['audit'],
        summary: '登录日志（本人可见范围）',
        querystring: z.object({
          username: z.string().trim().max(100).optional(),
          outcome: z.enum(Object.keys(LOGIN_OUTCOMES) as [string, ...string[]]).optional(),
          from: z.coerce.date().optional(),
          to: z.coerce.date().optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                at: z.string(),
                userId: z.string().nullable(),
                username: z.string(),
                outcome: z.string(),
                outcomeLabel: z.string(),
                ip: z.string().nullable(),
                userAgent: z.string().nullable(),
                areaPath: z.string().nullable(),
                orgUnitId: z.string().nullable(),
              }),
            ),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      requireAdmin(ctx, actor, 'loginlog.read');
      return listLoginLog(ctx, actor, req.query);
    },
  );
}
