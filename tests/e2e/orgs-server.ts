/**
 * Composition root for the 社会组织 journey: the real server plus one test-only route,
 * `POST /api/e2e/orgs/day {day}`, that moves the server's clock to noon (China time) of that day
 * and runs the 社会组织 daily jobs for it (年报提醒, the missing-report sweep, 整改 overdue, the
 * credit rule) — so the journey can let six months and two years pass. Never in the real app.
 * Used through E2E_SERVER_MODULE=./tests/e2e/orgs-server.ts (see harness.ts).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../src/platform/context.ts';
import { defineModule } from '../../src/kernel/module/index.ts';
import { MODULES } from '../../src/server/modules.ts';
import { orgs } from '../../src/modules/orgs/index.ts';
import { startServer as start } from '../../src/server/main.ts';

const Body = z.object({ day: z.iso.date() });

const e2eClock = defineModule({
  name: 'e2eclock',
  label: '测试时钟',
  routes: [
    async (app: FastifyInstance, ctx: AppContext) => {
      app.post('/api/e2e/orgs/day', async (req) => {
        const { day } = Body.parse(req.body);
        const at = new Date(`${day}T04:00:00Z`);
        const real = ctx.clock;
        const offset = at.getTime() - real.now().getTime();
        if (offset > 0) (ctx as { clock: AppContext['clock'] }).clock = { now: () => new Date(real.now().getTime() + offset) };
        for (const job of orgs.dailyJobs ?? []) await job.handler(ctx, day);
        return { day };
      });
    },
  ],
});

export const startServer = () => start([...MODULES, e2eClock]);
