import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { parseConfig } from '../src/platform/config.ts';
import { createDb } from '../src/platform/db/create-db.ts';
import { systemClock, type AppContext } from '../src/platform/context.ts';
import { prepareDatabase } from '../src/server/boot.ts';
// Every module's job queues and the calendar → deadline hook, as in the running app.
import { jobRegistry } from '../src/server/worker.ts';
import { createJobs } from '../src/platform/jobs/pg-boss-jobs.ts';
import { adminQuery, quoteIdent, withDatabase } from './helpers/databases.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
  }
}

const silent = { info() {}, warn() {}, error() {}, debug() {} };

/**
 * Migrate and seed once per run (reference data, demo areas and accounts; not the demo history —
 * tests build their own cases); every test file then opens its own copy.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  const config = parseConfig({ DEMO: 'on', LOG_LEVEL: 'silent', DATABASE_URL: url });
  if (url) {
    const name = `mz_tpl_${process.pid}_${Date.now()}`;
    await adminQuery(url, `create database ${quoteIdent(name)}`);
    const h = await createDb({ kind: 'postgres', url: withDatabase(url, name), max: 2 });
    // Installs the pg-boss schema, so every cloned test database already has it.
    const jobs = await createJobs(h, config, { databaseUrl: withDatabase(url, name), registry: jobRegistry });
    const ctx: AppContext = { db: h.db, dbKind: h.kind, config, clock: systemClock, jobs: jobs.jobs, logger: silent };
    await prepareDatabase(ctx, { demo: true, demoHistory: false });
    await jobs.stop();
    await h.close();
    project.provide('pgTemplate', name);
    project.provide('pgliteTemplate', '');
    return async () => {
      await adminQuery(url, `drop database if exists ${quoteIdent(name)} with (force)`);
    };
  }
  const dir = path.resolve('.tmp');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-template-${process.pid}.tar`);
  const h = await createDb({ kind: 'pglite', dataDir: 'memory://' });
  const jobs = await createJobs(h, config, { registry: jobRegistry });
  const ctx: AppContext = { db: h.db, dbKind: h.kind, config, clock: systemClock, jobs: jobs.jobs, logger: silent };
  await prepareDatabase(ctx, { demo: true, demoHistory: false });
  await jobs.stop();
  const dump = await h.pglite!.dumpDataDir('none');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await h.close();
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplate', '');
  return () => rmSync(file, { force: true });
}
