import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { recordInScope, type Actor } from '../../../kernel/identity/index.ts';
import { CATALOGUE_ERRORS } from '../contracts/catalogue.ts';
import { currentVersion } from './current-version.ts';
import { diffArea } from './diff.ts';

export const DiffQuery = z.object({
  areaCode: z
    .string({ error: '请指定地区' })
    .trim()
    .regex(/^\d{6}(\d{3})?$/, '地区代码应为6位或9位数字'),
  versionId: z.uuid('版本 ID 格式不正确').optional(),
});

/** The diff of an area the actor may read (403 outside the actor's scope, 404 for an unknown area). */
export async function diffForActor(ctx: AppContext, actor: Actor, raw: unknown) {
  const q = parseInput(DiffQuery, raw);
  const a = (await sql<{ code: string; name: string; path: string }>`select code, name, path from core.area where code = ${q.areaCode}`.execute(ctx.db))
    .rows[0];
  if (!a) throw new AppError('CATALOGUE_AREA_NOT_FOUND', 404, `地区 ${q.areaCode} 不存在（area not found）`);
  if (!recordInScope(actor, 'catalogue.read', { areaPath: a.path }))
    throw new AppError('CATALOGUE_AREA_FORBIDDEN', 403, `无权查看「${a.name}」的四级四同比对：只能查看本人数据范围内的地区`);
  let version;
  if (q.versionId) {
    version = (
      await sql<{
        id: string;
        number: number;
        title: string;
        status: string;
      }>`select id, number, title, status from catalogue.version where id = ${q.versionId}`.execute(ctx.db)
    ).rows[0];
    if (!version || version.status !== 'published') throw badRequest('CATALOGUE_VERSION_UNPUBLISHED', '只能与已发布的基本目录版本比对');
  } else {
    version = await currentVersion(ctx.db, chinaDate(ctx.clock.now()));
    if (!version) throw new AppError('CATALOGUE_NO_PUBLISHED', 409, CATALOGUE_ERRORS.NO_PUBLISHED);
  }
  return diffArea(ctx.db, a, { id: version.id, number: version.number, title: version.title });
}
