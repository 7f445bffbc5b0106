import { z } from 'zod';
import type { AreaLevel } from '../../platform/db/tables/areas.ts';

/** 行政区划层级 — the five levels of the area tree. */
export const AREA_LEVELS: Record<AreaLevel, { zh: string; en: string }> = {
  1: { zh: '自治区', en: 'Region' },
  2: { zh: '市', en: 'City' },
  3: { zh: '县（区）', en: 'County' },
  4: { zh: '乡（镇、街道）', en: 'Township' },
  5: { zh: '村（社区）', en: 'Village / community' },
};

/** 组织机构类型 */
export const ORG_KINDS = {
  department: '厅（委）机关',
  division: '内设处室',
  bureau: '民政局',
  township_office: '乡镇人民政府/街道办事处',
  community_committee: '村（居）民委员会',
  other: '其他',
} as const;
export type OrgKind = keyof typeof ORG_KINDS;

export const AreaCode = z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, '区划代码应为 6、9 或 12 位数字');

export const AreaDto = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  /** 1 自治区 · 2 市 · 3 县 · 4 乡镇(街道) · 5 村(社区) (column check: between 1 and 5). */
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  parentCode: z.string().nullable(),
  path: z.string(),
  isSample: z.boolean(),
  active: z.boolean(),
});
export type AreaDto = z.infer<typeof AreaDto>;

export type AreaNode = AreaDto & { children: AreaNode[] };
export const AreaNode: z.ZodType<AreaNode> = AreaDto.extend({ children: z.lazy(() => z.array(AreaNode)) });

export const OrgUnitDto = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  kind: z.string(),
  kindName: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  active: z.boolean(),
  isSample: z.boolean(),
});
export type OrgUnitDto = z.infer<typeof OrgUnitDto>;

export const ImportResult = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
});
export type ImportResult = z.infer<typeof ImportResult>;
export type ImportError = ImportResult['errors'][number];

export const AREA_ERRORS = {
  AREA_NOT_FOUND: '行政区划不存在或无权查看',
  ORG_UNIT_NOT_FOUND: '组织机构不存在或无权查看',
  IMPORT_INVALID: '导入文件有错误，未写入任何数据',
} as const;
