import type { ExpressionBuilder } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { Actor } from '../actor.ts';
import { inScope } from '../scope.ts';

export const LOGIN_OUTCOMES: Record<string, string> = {
  success: '登录成功',
  bad_password: '密码错误',
  unknown_user: '用户不存在',
  locked: '账号锁定中',
  throttled: '尝试过于频繁（暂缓）',
  bad_old_password: '修改密码时原密码错误',
  disabled: '账号已停用',
  totp_required: '未输入动态验证码',
  bad_totp: '动态验证码错误',
  logout: '退出登录',
};

export type LoginLogQuery = { username?: string; outcome?: string; from?: Date; to?: Date; page: number; pageSize: number };

export type LoginLogItem = {
  id: string;
  at: string;
  userId: string | null;
  username: string;
  outcome: string;
  outcomeLabel: string;
  ip: string | null;
  userAgent: string | null;
  areaPath: string | null;
  orgUnitId: string | null;
};

/** 登录日志, filtered by the actor's loginlog.read scope (本人 = own logins). */
export async function listLoginLog(
  ctx: AppContext,
  actor: Actor,
  query: LoginLogQuery,
): Promise<{ items: LoginLogItem[]; total: number; page: number; pageSize: number }> {
  const where = (eb: ExpressionBuilder<DB & { l: DB['core.login_log'] }, 'l'>) => {
    const parts = [inScope(actor, 'loginlog.read', { areaPath: 'l.area_path', orgUnitId: 'l.org_unit_id', ownerId: 'l.user_id' })(eb)];
    if (query.username) parts.push(eb('l.username', '=', query.username.trim().toLowerCase()));
    if (query.outcome) parts.push(eb('l.outcome', '=', query.outcome));
    if (query.from) parts.push(eb('l.at', '>=', query.from));
    if (query.to) parts.push(eb('l.at', '<', query.to));
    return eb.and(parts);
  };
  const total = await ctx.db
    .selectFrom('core.login_log as l')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  const rows = await ctx.db
    .selectFrom('core.login_log as l')
    .selectAll('l')
    .where(where)
    .orderBy('l.at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      userId: r.user_id,
      username: r.username,
      outcome: r.outcome,
      outcomeLabel: LOGIN_OUTCOMES[r.outcome] ?? r.outcome,
      ip: r.ip,
      userAgent: r.user_agent,
      areaPath: r.area_path,
      orgUnitId: r.org_unit_id,
    })),
    total: Number(total.n),
    page: query.page,
    pageSize: query.pageSize,
  };
}
