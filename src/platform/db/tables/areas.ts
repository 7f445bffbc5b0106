import type { Generated } from 'kysely';

/** Row types of the area tree and the org units (core.area, core.org_unit). */
export type AreaLevel = 1 | 2 | 3 | 4 | 5; // 自治区 / 市 / 县 / 乡 / 村(社区)

export interface AreaTable {
  code: string;
  name: string;
  name_en: string | null;
  level: AreaLevel;
  parent_code: string | null;
  /** Dotted codes from the root, e.g. '640000.640400.640423' — prefix match = subtree. */
  path: string;
  is_sample: Generated<boolean>;
  sort: Generated<number>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OrgUnitTable {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  /** department | division | bureau | township_office | community_committee | other */
  kind: string;
  area_code: string;
  area_path: string;
  parent_id: string | null;
  sort: Generated<number>;
  active: Generated<boolean>;
  is_sample: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
