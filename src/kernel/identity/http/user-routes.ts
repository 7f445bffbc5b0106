import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { requireAdmin } from '../admin-totp.ts';
import { applyAccountAction, resetPassword } from '../commands/admin-user-actions.ts';
import { createUser } from '../commands/create-user.ts';
import { grantRole } from '../commands/grant-role.ts';
import { revokeAssignment } from '../commands/revoke-role.ts';
import { updateUser } from '../commands/update-user.ts';
import { AssignmentDto, CreateUserBody, Scope, UpdateUserBody, UserListItem, UserSummary } from '../dto.ts';
import { getUser, getUserSummary } from '../queries/get-user.ts';
import { listAssignments, listUserRoles } from '../queries/list-user-roles.ts';
import { listUsers } from '../queries/list-users.ts';
import { actorOf } from './request-actor.ts';
import { NO_CONTENT } from '../../../platform/http/responses.ts';

const Id = z.object({ id: z.uuid('用户 ID 格式不正确') });
const Reason = z.string().trim().max(500).nullish();
const Page = { page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) };

/** 用户管理: every read goes through inScope(user.read), every write through user.manage scope. */
export async function registerUserRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: '用户列表（本人可见范围，手机号脱敏）',
        querystring: z.object({
          q: z.string().trim().max(50).optional(),
          orgUnitId: z.uuid().optional(),
          status: z.enum(['active', 'disabled', 'locked']).optional(),
          ...Page,
        }),
        response: { 200: z.object({ items: z.array(UserListItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      requireAdmin(ctx, actor, 'user.read');
      return listUsers(ctx, actor, req.query);
    },
  );

  app.get(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: '用户详情（含完整手机号，记录个人信息访问）',
        params: Id,
        response: { 200: UserSummary.extend({ phone: z.string().nullable(), roles: z.array(AssignmentDto) }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      requireAdmin(ctx, actor, 'user.read');
      return getUser(ctx, actor, req.params.id);
    },
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: '新建用户（须在本人管理范围内；未给初始密码时自动生成并仅返回一次）',
        body: CreateUserBody,
        response: { 201: z.object({ user: UserSummary, initialPassword: z.string().optional() }) },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      requireAdmin(ctx, actor, 'user.manage');
      const r = await createUser(ctx, actor, req.body);
      return reply
        .status(201)
        .send({ user: await getUserSummary(ctx, actor, r.id, 'user.manage'), ...(r.initialPassword ? { initialPassword: r.initialPassword } : {}) });
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: '修改用户（乐观锁：version 不一致返回 409）',
        params: Id,
        body: UpdateUserBody,
        response: { 200: UserSummary },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      requireAdmin(ctx, actor, 'user.manage');
      await updateUser(ctx, actor, req.params.id, req.body);
      return getUserSummary(ctx, actor, req.params.id, 'user.manage');
    },
  );

  for (const action of ['disable', 'enable', 'unlock', 'reset-totp'] as const) {
    const label = { disable: '停用账号（并结束其会话）', enable: '启用账号', unlock: '解除登录锁定', 'reset-totp': '重置动态验证码（丢失手机时）' }[action];
    app.post(
      `/api/users/:id/${action}`,
      {
        schema: { tags, summary: label, params: Id, body: z.object({ reason: Reason }).nullish(), response: { 200: UserSummary } },
      },
      async (req) => {
        const actor = actorOf(req);
        requireAdmin(ctx, actor, 'user.manage');
        await applyAccountAction(ctx, actor, req.params.id, action, req.body?.reason);
        return getUserSummary(ctx, actor, req.params.id, 'user.manage');
      },
    );
  }

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置密码（未给密码时自动生成并仅返回一次；用户须在下次登录后修改）',
        params: Id,
        body: z.object({ password: z.string().min(1).max(200).optional(), reason: Reason }).nullish(),
        response: { 200: z.object({ initialPassword: z.string().optional() }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      requireAdmin(ctx, actor, 'user.manage');
      const r = await resetPassword(ctx, actor, req.params.id, { password: req.body?.password, reason: req.body?.reason });
      return r.initialPassword ? { initialPassword: r.initialPassword } : {};
    },
  );

  app.get(
    '/api/users/:id/roles',
    {
      schema: { tags, summary: '用户的角色授权（含代管）', params: Id, response: { 200: z.object({ items: z.array(AssignmentDto) }) } },
    },
    async (req) => {
      const actor = actorOf(req);
      requireAdmin(ctx, actor, 'user.read');
      return { items: await listUserRoles(ctx, actor, req.params.id) };
    },
  );

  app.post(
    '/api/users/:id/roles',
    {
      schema: {
        tags,
        summary: '授予角色（只能在本人管理范围内，且不超出本人权限）',
        params: Id,
        body: z.object({
          roleCode: z.string().min(1).max(40),
          orgUnitId: z.uuid('机构 ID 格式不正确'),
          scope: Scope,
          validFrom: z.coerce.date().optional(),
          validTo: z.coerce.date().nullish(),
          reason: Reason,
        }),
        response: { 201: AssignmentDto },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      requireAdmin(ctx, actor, 'user.manage');
      const { id } = await grantRole(ctx, actor, req.params.id, req.body);
      const items = await listAssignments(ctx, req.params.id);
      return reply.status(201).send(items.find((a) => a.id === id)!);
    },
  );

  app.delete(
    '/api/users/:id/roles/:assignmentId',
    {
      schema: {
        tags,
        summary: '撤销角色授权（同时结束由其产生的代管）',
        params: Id.extend({ assignmentId: z.uuid('授权 ID 格式不正确') }),
        response: NO_CONTENT,
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      requireAdmin(ctx, actor, 'user.manage');
      await revokeAssignment(ctx, actor, req.params.assignmentId, { userId: req.params.id });
      return reply.status(204).send();
    },
  );
}
