/**
 * Composition root for the 规范性文件 journey: the real server whose clock the test can move forward
 * (a consultation runs 30 days, 合法性审核 at least 5 working days), and a test-only route that takes
 * a 登记编号 inside a transaction that then fails (the "rolled-back attempt"). Used through
 * e2eFile('normdocs-journey', { serverModule: './tests/e2e/normdocs-server.ts' }); never in production.
 */
import { z } from 'zod';
import { systemClock, withTx } from '../../src/platform/context.ts';
import { defineModule } from '../../src/kernel/module/index.ts';
import { SYSTEM_ACTOR } from '../../src/kernel/identity/index.ts';
import { runTransition } from '../../src/kernel/workflow/index.ts';
import { MODULES } from '../../src/server/modules.ts';
import { startServer as startReal } from '../../src/server/main.ts';

let offsetMs = 0;
const realNow = systemClock.now;
systemClock.now = () => new Date(realNow().getTime() + offsetMs);
// Moving the clock by weeks must not end the test's sessions.
process.env.SESSION_IDLE_MINUTES = '10000000';
process.env.SESSION_MAX_HOURS = '1000000';

const testClock = defineModule({
  name: 'testclock',
  label: '测试时钟',
  routes: [
    async (app) => {
      app.post('/api/test/clock', async (req) => {
        offsetMs += z.object({ days: z.number().int().min(1).max(400) }).parse(req.body).days * 86_400_000;
        return { now: systemClock.now().toISOString() };
      });
    },
    async (app, ctx) => {
      app.post('/api/test/normdocs/:id/number-then-fail', async (req, reply) => {
        const { id } = req.params as { id: string };
        const drawn = await withTx(ctx, async (tx) => {
          await runTransition(tx, SYSTEM_ACTOR, { caseId: id, name: 'number', skipWho: true });
          throw new Error('rolled back on purpose');
        }).catch((e: Error) => e.message);
        return reply.status(409).send({ result: drawn });
      });
    },
  ],
});

export const startServer = () => startReal([...MODULES, testClock]);
