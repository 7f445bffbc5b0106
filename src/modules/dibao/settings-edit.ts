import { sql } from 'kysely';
import { z } from 'zod';
import { withTx, type AppContext } from '../../platform/context.ts';
import { badRequest, forbidden } from '../../platform/errors.ts';
import { recordAudit } from '../../kernel/audit/index.ts';
import { requirePermission, userRef, type Actor, grantsFor } from '../../kernel/identity/index.ts';
import { dibaoDb } from './db.ts';
import {
  DIBAO_SETTING_INFO,
  DIBAO_SETTINGS,
  defaultDibaoSettings,
  readDibaoSettingsWithSources,
  settingsConflict,
  type DibaoSettingKey,
  type DibaoSettings,
} from './settings.ts';

/** Settings with their defaults, each one's basis and whether its legal text was verified. */
export async function getSettings(ctx: AppContext, actor: Actor) {
  requirePermission(actor, 'dibao.read');
  const { values, sources } = await readDibaoSettingsWithSources(ctx.db);
  const defaults = defaultDibaoSettings();
  const rows = await dibaoDb(ctx.db).selectFrom('dibao.setting').select(['key', 'updated_at']).execute();
  return {
    values,
    defaults,
    sources,
    updatedAt: Object.fromEntries(rows.map((r) => [r.key, new Date(r.updated_at).toISOString()])),
    canEdit: regionConfigure(actor),
  };
}

/** True when the actor holds dibao.configure over the whole region (自治区 level). */
function regionConfigure(actor: Actor): boolean {
  return grantsFor(actor, 'dibao.configure').some((g) => g.scope === 'subtree' && !g.areaPath.includes('.'));
}

const Value = z.union([z.number(), z.string(), z.boolean()]);
/** A setting's basis and verification (optionally with a new value). */
const SourcePatch = z.object({
  value: z.union([z.number(), z.boolean(), z.string()]).optional(),
  basis: z.string().optional(),
  verified: z.boolean().optional(),
});
/**
 * PUT body: setting key → new value, or → { value?, basis?, verified? } to record the basis of a
 * setting and whether its legal text was verified; each value is checked against its setting.
 */
export const SettingsPatch = z.record(z.string(), z.union([Value, SourcePatch]));

type Change = { key: DibaoSettingKey; value?: unknown; basis?: string; verified?: boolean };

function parseChanges(body: unknown): Change[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('SETTINGS_INVALID', '请提交要修改的设置项');
  const changes: Change[] = [];
  for (const [key, raw] of Object.entries(body as Record<string, unknown>)) {
    const schema = DIBAO_SETTINGS[key as DibaoSettingKey] as z.ZodType | undefined;
    if (!schema) throw badRequest('SETTING_UNKNOWN', `「${key}」不是低保设置项`, { field: key });
    const label = DIBAO_SETTING_INFO[key as DibaoSettingKey].label;
    const isSource = raw !== null && typeof raw === 'object' && !Array.isArray(raw);
    const patch = isSource ? SourcePatch.safeParse(raw) : { success: true as const, data: { value: raw } };
    if (!patch.success) throw badRequest('SETTING_INVALID', `「${label}」的依据应为 { value, basis, verified }`, { field: key });
    const c: Change = { key: key as DibaoSettingKey };
    if (patch.data.value !== undefined) {
      const parsed = schema.safeParse(patch.data.value);
      if (!parsed.success) throw badRequest('SETTING_INVALID', `「${label}」${parsed.error.issues[0]?.message ?? '取值无效'}`, { field: key });
      c.value = parsed.data;
    }
    if (isSource && 'basis' in patch.data && patch.data.basis !== undefined) {
      const basis = patch.data.basis.trim();
      if (basis.length < 2 || basis.length > 300) throw badRequest('SETTING_INVALID', `「${label}」的依据应为 2 至 300 字`, { field: key });
      c.basis = basis;
    }
    if (isSource && 'verified' in patch.data && patch.data.verified !== undefined) c.verified = patch.data.verified;
    changes.push(c);
  }
  if (!changes.length) throw badRequest('SETTINGS_EMPTY', '没有要修改的设置项');
  return changes;
}

/** Change some settings or their bases (自治区 level dibao.configure); every value validated, all or nothing, audited. */
export async function updateSettings(ctx: AppContext, actor: Actor, body: unknown) {
  requirePermission(actor, 'dibao.configure');
  if (!regionConfigure(actor)) throw forbidden('低保设置须由自治区民政部门（自治区级「dibao.configure」权限）修改');
  const changes = parseChanges(body);
  return withTx(ctx, async (tx) => {
    const before = await readDibaoSettingsWithSources(tx.db);
    const next = { ...before.values } as Record<string, unknown>;
    for (const c of changes) if (c.value !== undefined) next[c.key] = c.value;
    const conflict = settingsConflict(next as DibaoSettings);
    if (conflict) throw badRequest('SETTING_INVALID', conflict, { field: 'specialWorkdays' });
    for (const c of changes) {
      const value = c.value !== undefined ? c.value : before.values[c.key];
      const stored = await dibaoDb(tx.db).selectFrom('dibao.setting').select(['source', 'verified']).where('key', '=', c.key).executeTakeFirst();
      const source = c.basis ?? stored?.source ?? null;
      const verified = c.verified ?? stored?.verified ?? null;
      await sql`insert into dibao.setting (key, value, source, verified, updated_at, updated_by)
        values (${c.key}, cast(${JSON.stringify(value)} as jsonb), ${source}, ${verified}, ${tx.clock.now()}, ${userRef(actor)})
        on conflict (key) do update set value = excluded.value, source = excluded.source, verified = excluded.verified,
          updated_at = excluded.updated_at, updated_by = excluded.updated_by`.execute(tx.db);
    }
    await recordAudit(tx, {
      actor,
      action: 'dibao.settings.update',
      entityType: 'dibao_setting',
      entityId: changes.map((c) => c.key).join(','),
      before: Object.fromEntries(changes.map((c) => [c.key, { value: before.values[c.key], ...before.sources[c.key] }])),
      after: Object.fromEntries(changes.map((c) => [c.key, { value: c.value, basis: c.basis, verified: c.verified }])),
    });
    return getSettings(tx, actor);
  });
}
