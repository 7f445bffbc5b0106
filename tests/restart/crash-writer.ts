/**
 * The writer that tests/restart/crash-kill9.int.test.ts kills with SIGKILL: concurrent case
 * creations (a transition that writes the case, its event, its deadline clock, the timer job and
 * the audit entry in one transaction) on PostgreSQL, printing `ack <id>` after each commit.
 * Usage: node tests/restart/crash-writer.ts <database url> <writers>
 */
import { parseConfig } from '../../src/platform/config.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { createDb } from '../../src/platform/db/create-db.ts';
import { createJobs } from '../../src/platform/jobs/pg-boss-jobs.ts';
import { jobRegistry } from '../../src/server/worker.ts';
import { SYSTEM_ACTOR } from '../../src/kernel/identity/actor.ts';
import { createCase } from '../../src/kernel/workflow/create-case.ts';
import { SAMPLE_TYPE } from '../helpers/sample-workflow.ts';

const [url, writers = '8'] = process.argv.slice(2);
const config = parseConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url, DEMO: 'on', PII_KEY: '00112233445566778899aabbccddeeff' });
const handle = await createDb({ kind: 'postgres', url: url!, max: Number(writers) + 2 });
const jobs = await createJobs(handle, config, { registry: jobRegistry, databaseUrl: url });
const start = new Date('2019-06-03T02:00:00Z');
const silent = { info() {}, warn() {}, error() {}, debug() {} };
const ctx: AppContext = { db: handle.db, dbKind: 'postgres', config, clock: { now: () => start }, jobs: jobs.jobs, logger: silent };
const org = (await ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', '640104-mzj').executeTakeFirstOrThrow()).id;
process.stdout.write('ready\n');
let n = 0;
await Promise.all(
  Array.from({ length: Number(writers) }, async (_, w) => {
    for (;;) {
      const c = await createCase(ctx, SYSTEM_ACTOR, {
        type: SAMPLE_TYPE,
        title: `崩溃测试 ${w}-${n++}`,
        orgUnitId: org,
        input: { summary: 'x' },
        system: true,
      });
      process.stdout.write(`ack ${c.id}\n`); // a pipe write is synchronous on Linux: printed means acknowledged
    }
  }),
);
