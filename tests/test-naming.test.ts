import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The PostgreSQL pass runs only `*.int.test.ts` (vitest.config.ts): a test that opens a database
// must carry that name, or it would never run on PostgreSQL.
const DATABASE_USE =
  /^import [^;]*?from '[^']*(?:helpers\/(test-app|test-context|databases)\.ts'|platform\/db\/create-db\.ts'|server\/(app|main|boot)\.ts'|@electric-sql\/pglite')/m;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'e2e' || e.name === 'node_modules' ? [] : testFiles(p);
    return e.name.endsWith('.test.ts') && !e.name.endsWith('.int.test.ts') ? [p] : [];
  });
}

describe('test file names', () => {
  it('a test that opens a database is named *.int.test.ts', () => {
    const offenders = [...testFiles('src'), ...testFiles('tests')].filter((f) => DATABASE_USE.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the check sees a database import', () => {
    expect(DATABASE_USE.test(`import { testApp } from '../../tests/helpers/` + `test-app.ts';`)).toBe(true);
    expect(DATABASE_USE.test(`import { describe } from 'vitest';`)).toBe(false);
  });
});
