import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';

/** 事前公开: the power items, their 裁量基准 tiers and the 法制审核目录清单 (public reference data). */
export async function catalogue(ctx: AppContext) {
  const items = (
    await sql<{ code: string; name: string; basis: string; review_listed: boolean; review_rule: string | null }>`
    select code, name, basis, review_listed, review_rule from enforcement.power_item order by code`.execute(ctx.db)
  ).rows;
  const tiers = (
    await sql<{ power_code: string; tier: number; circumstance: string; kinds: string[]; fine_min: string | null; fine_max: string | null }>`
    select power_code, tier, circumstance, kinds, fine_min::text as fine_min, fine_max::text as fine_max from enforcement.discretion_tier order by power_code, tier`.execute(
      ctx.db,
    )
  ).rows;
  return {
    items: items.map((i) => ({
      code: i.code,
      name: i.name,
      basis: i.basis,
      reviewListed: i.review_listed,
      reviewRule: i.review_rule,
      tiers: tiers
        .filter((t) => t.power_code === i.code)
        .map((t) => ({
          tier: t.tier,
          circumstance: t.circumstance,
          kinds: t.kinds,
          fineMin: t.fine_min === null ? null : Number(t.fine_min),
          fineMax: t.fine_max === null ? null : Number(t.fine_max),
        })),
    })),
    reviewCatalogueCount: items.filter((i) => i.review_listed).length,
  };
}
