import type { ColumnType, Generated } from 'kysely';
import type { Json } from './columns.ts';

/** Row types of the working-day calendar and the seed state. */
/** One override row: area_code null = national layer (国务院 notice), else a regional layer. */
export interface CalendarDayTable {
  id: string;
  area_code: string | null;
  /** 'YYYY-MM-DD' (the shared date parser returns date columns as strings). */
  date: string;
  /** 'rest' | 'work' */
  kind: string;
  name: string;
  /** The notice, e.g. '国办发明电〔2018〕15号'. */
  source: string | null;
  /** The calendar version that last wrote the row. */
  version: number;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** One row per calendar change (日历版本), numbered from 1; no rows = version 0. */
export interface SeedStateTable {
  kind: string;
  fingerprint: string;
  seeded_at: Generated<Date>;
}

export interface CalendarVersionTable {
  version: number;
  at: ColumnType<Date, Date | string | undefined, Date | string>;
  actor_id: string | null;
  actor_name: string | null;
  reason: string;
  /** [{ date, areaCode, before, after }] */
  changes: Json;
  /** Set by a seed, so the seed runs once even after its rows are edited. */
  seed_key: string | null;
}
