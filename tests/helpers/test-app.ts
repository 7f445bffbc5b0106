import type { LightMyRequestResponse } from 'fastify';
import type { Clock } from '../../src/platform/context.ts';
import { buildApp, type TypedApp } from '../../src/server/app.ts';
import type { ModuleManifest } from '../../src/kernel/module/index.ts';
import { prepareDatabase } from '../../src/server/boot.ts';
import { DEMO_PASSWORD } from '../../src/kernel/identity/seed-demo-users.ts';
import { openTestContext, type TestContext } from './test-context.ts';

export type Session = {
  cookie: string;
  csrf: string;
  /** The /api/me body returned by the login. */
  me: any;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
};

export type TestApp = {
  app: TypedApp;
  ctx: TestContext['ctx'];
  test: TestContext;
  close(): Promise<void>;
  /** Signs in through POST /api/auth/login; throws with the problem body unless it succeeds. */
  login(username: string, password?: string, opts?: { totp?: string; ip?: string }): Promise<Session>;
  /** The raw login response, for tests of failures. */
  tryLogin(username: string, password: string, opts?: { totp?: string; ip?: string }): Promise<LightMyRequestResponse>;
};

/** A controllable clock for expiry and lock-out tests. */
export function manualClock(start = new Date()): Clock & { set(d: Date): void; advance(ms: number): void } {
  let t = start.getTime();
  return { now: () => new Date(t), set: (d) => void (t = d.getTime()), advance: (ms) => void (t += ms) };
}

let ipCounter = 0;
/**
 * Each helper login comes from its own address so test files do not trip the per-IP login rate
 * limit; tests of the limit pass `ip` explicitly.
 */
const nextIp = () => `10.77.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`;

/**
 * The whole app on a private test database. `modules` (default
 * MODULES) lets a test add a module: its migrations run and its roles are seeded first.
 */
export async function createTestApp(opts: { env?: Record<string, string>; clock?: Clock; modules?: readonly ModuleManifest[] } = {}): Promise<TestApp> {
  const test = await openTestContext(opts);
  if (opts.modules) await prepareDatabase(test.ctx, { modules: opts.modules, demo: false });
  const app = await buildApp(test.ctx, { serveWeb: false, modules: opts.modules });
  await app.ready();

  const tryLogin = (username: string, password: string, o: { totp?: string; ip?: string } = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: o.ip ?? nextIp(),
      payload: { username, password, ...(o.totp ? { totp: o.totp } : {}) },
    });

  const login = async (username: string, password = DEMO_PASSWORD, o: { totp?: string; ip?: string } = {}): Promise<Session> => {
    const res = await tryLogin(username, password, o);
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const set = res.cookies.find((c) => c.name === 'mz_session');
    if (!set) throw new Error('login set no mz_session cookie');
    const cookie = `mz_session=${set.value}`;
    const me = res.json();
    const csrf: string = me.csrfToken;
    const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
      app.inject({
        method,
        url,
        headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }) },
        ...(body !== undefined ? { payload: body as object } : {}),
      });
    return {
      cookie,
      csrf,
      me,
      get: (url) => send('GET', url),
      post: (url, body) => send('POST', url, body),
      patch: (url, body) => send('PATCH', url, body),
      put: (url, body) => send('PUT', url, body),
      delete: (url) => send('DELETE', url),
    };
  };

  return {
    app,
    ctx: test.ctx,
    test,
    login,
    tryLogin,
    close: async () => {
      await app.close();
      await test.close();
    },
  };
}
