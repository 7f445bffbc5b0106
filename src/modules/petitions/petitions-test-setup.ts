import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import type { Clock } from '../../platform/context.ts';
import { buildApp, type TypedApp } from '../../server/app.ts';
import { DEMO_PASSWORD } from '../../kernel/identity/seed-demo-users.ts';
import { openTestContext, type TestContext } from '../../../tests/helpers/test-context.ts';
import { petitionsSchema } from './migrations/20261129100000_petitions_core.ts';
import { registerPetitionRoutes } from './routes.ts';

/** Until the lead wires them, these grants mirror what permissions.ts should give the built-in roles. */
export const PETITION_ROLE_GRANTS: Record<string, string[]> = {
  clerk: ['petition.read', 'petition.register', 'petition.handle'],
  leader: ['petition.read', 'petition.approve', 'petition.supervise'],
  sysadmin: ['petition.read', 'petition.register', 'petition.handle', 'petition.approve', 'petition.supervise'],
};

export type Caller = {
  me: any;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
};

/** The app on a private test DB with the petitions migration, grants and routes in place (idempotent once wired). */
export async function openPetitionsApp(clock: Clock) {
  const test: TestContext = await openTestContext({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  const ctx = test.ctx;
  const has = (await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = 'petitions' and table_name = 'petition'`.execute(ctx.db)).rows[0]!.n;
  if (!has) await petitionsSchema.up(ctx.db as never);
  for (const [role, perms] of Object.entries(PETITION_ROLE_GRANTS)) {
    await sql`update core.role set permissions = array(select distinct unnest(permissions || ${perms}::text[])) where code = ${role}`.execute(ctx.db);
  }
  const app: TypedApp = await buildApp(ctx, { serveWeb: false });
  if (!app.hasRoute({ method: 'POST', url: '/api/petitions' })) await registerPetitionRoutes(app, ctx);
  await app.ready();
  let ip = 0;
  const login = async (username: string, password = DEMO_PASSWORD): Promise<Caller> => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: `10.88.0.${++ip}`, payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const cookie = `mz_session=${res.cookies.find((c) => c.name === 'mz_session')!.value}`;
    const me = res.json();
    return {
      me,
      get: (url) => app.inject({ method: 'GET', url, headers: { cookie } }),
      post: (url, body) => app.inject({ method: 'POST', url, headers: { cookie, 'x-csrf-token': me.csrfToken }, payload: (body ?? {}) as object }),
    };
  };
  const publicPost = (url: string, body: unknown, remoteAddress = '10.99.0.1') => app.inject({ method: 'POST', url, remoteAddress, payload: body as object });
  return { app, ctx, test, login, publicPost, close: async () => { await app.close(); await test.close(); } };
}
