import type { ColumnType } from 'kysely';

/** Column types shared by the platform's row types. */
export type Ts = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json = ColumnType<unknown, string | null | undefined, string | null>;
export type DateStr = ColumnType<string, string, string>;
