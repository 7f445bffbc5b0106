import type { LightMyRequestResponse } from 'fastify';
import type { Clock } from '../../platform/context.ts';
import { buildApp, type TypedApp } from '../../server/app.ts';
import { DEMO_PASSWORD } from '../../kernel/identity/seed-demo-users.ts';
import { openTestContext, type TestContext } from '../../../tests/helpers/test-context.ts';
import { residentIdCheckChar } from '../../kernel/codes/index.ts';

export type Caller = {
  me: any;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
};

/** A valid 身份证号 from its first 17 digits. */
export const idOf = (first17: string) => first17 + residentIdCheckChar(first17);

/** A portal petition (申诉求决 about 低保 in 兴庆区) by one petitioner whose ID starts with id17. */
export const portalPetition = (title: string, id17 = '64010419800101123') => ({
  title,
  category: '申诉求决',
  subject: '低保',
  concernedAreaCode: '640104',
  content: '我家的低保待遇今年三月被无故取消，多次到社区反映没有结果，请求恢复低保待遇并说明取消理由。',
  petitioners: [{ name: '马某某', idNumber: idOf(id17), phone: '13912345678', address: '兴庆区某小区' }],
});

/** The app (every module, as the manifest wires it) on a private test DB. */
export async function openPetitionsApp(clock: Clock) {
  const test: TestContext = await openTestContext({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_MAX_HOURS: '100000' } });
  const ctx = test.ctx;
  const app: TypedApp = await buildApp(ctx, { serveWeb: false });
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
  return {
    app,
    ctx,
    test,
    login,
    publicPost,
    close: async () => {
      await app.close();
      await test.close();
    },
  };
}
