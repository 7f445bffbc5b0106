import { defineConfig } from 'vitest/config';

// With DATABASE_URL (the PostgreSQL pass of .ci/run) only the integration tests run: the other files
// touch no database, so the embedded pass has already proved them (tests/test-naming.test.ts keeps it so).
const databaseOnly = Boolean(process.env.DATABASE_URL) && process.env.VITEST_ALL !== '1';

export default defineConfig({
  test: {
    include: databaseOnly ? ['src/**/*.int.test.ts', 'tests/**/*.int.test.ts'] : ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    globalSetup: ['tests/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // Several scenario tests take 12–15 s when two other suites share the two cores (measured at load 13); a hang still
    // ends in half a minute.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
