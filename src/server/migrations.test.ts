import { describe, expect, it } from 'vitest';
import { defineModule, MIGRATION_NAME } from '../kernel/module/index.ts';
import { RENAMED_MIGRATIONS } from '../platform/db/renamed-migrations.ts';
import { KERNEL_MIGRATIONS, allMigrations, migrations } from './migrations.ts';
import { MODULES } from './modules.ts';

const noop = { async up() {} };

describe('the merged migration list', () => {
  it('has unique timestamp names, sorted, with each owner’s own order kept', () => {
    const names = Object.keys(migrations);
    const owned = [Object.keys(KERNEL_MIGRATIONS), ...MODULES.map((m) => Object.keys(m.migrations))];
    expect(names.length).toBe(owned.flat().length);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([...names].sort());
    for (const n of names) expect(n).toMatch(MIGRATION_NAME);
    for (const own of owned) expect(names.filter((n) => own.includes(n))).toEqual(own);
  });

  it('runs the migrations of the previous release in the order it ran them', () => {
    const byOld = Object.keys(RENAMED_MIGRATIONS)
      .sort()
      .map((o) => RENAMED_MIGRATIONS[o]);
    expect(Object.keys(migrations).filter((n) => byOld.includes(n))).toEqual(byOld);
    // Every old name maps to a migration that still exists.
    for (const n of Object.values(RENAMED_MIGRATIONS)) expect(migrations[n], n).toBeDefined();
  });

  it('refuses a name two owners use, and a module listing its migrations out of order', () => {
    const clash = defineModule({ name: 'clash', label: '冲突', migrations: { '20261129010000_core_areas': noop } });
    expect(() => allMigrations([...MODULES, clash])).toThrow(/declared twice/);
    expect(() => defineModule({ name: 'late', label: '乱序', migrations: { '20270102000000_late_b': noop, '20270101000000_late_a': noop } })).toThrow(
      /oldest first/,
    );
    expect(() => defineModule({ name: 'band', label: '编号', migrations: { '2027-01-01-30-band': noop } })).toThrow(/YYYYMMDDhhmmss/);
  });
});
