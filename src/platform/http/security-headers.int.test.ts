import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type TypedApp } from '../../server/app.ts';
import { WEB_DIST } from '../../server/web.ts';
import { DEMO_PASSWORD } from '../../kernel/identity/seed-demo-users.ts';
import { openTestContext, type TestContext } from '../../../tests/helpers/test-context.ts';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';

/**
 * One test per header, through the real app with the built console and portal served. The
 * proxy at 10.1.1.1 is trusted (TRUST_PROXY); the same header from anyone else is ignored.
 */
const PROXY = '10.1.1.1';
let t: TestContext;
let app: TypedApp;
beforeAll(async () => {
  t = await openTestContext({ env: { TRUST_PROXY: PROXY } });
  app = await buildApp(t.ctx, { serveWeb: true });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const get = (url: string, o: { from?: string; proto?: string } = {}) =>
  app.inject({ method: 'GET', url, remoteAddress: o.from ?? '10.9.9.9', headers: o.proto ? { 'x-forwarded-proto': o.proto } : {} });
const PAGES = ['/', '/portal/', '/dibao/applications', '/api/me', '/api/public/pow', '/no-such-api-route'];

describe('security headers', () => {
  it.each(PAGES)('Content-Security-Policy on %s: script-src self only, no inline script', async (url) => {
    const csp = (await get(url)).headers['content-security-policy'] as string;
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'))!;
    expect(scriptSrc.trim()).toBe("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
  });

  it('frame-ancestors none (and X-Frame-Options for old browsers) on console and portal pages', async () => {
    for (const url of ['/', '/portal/']) {
      const res = await get(url);
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('X-Content-Type-Options: nosniff on pages, API answers and errors', async () => {
    for (const url of PAGES) expect((await get(url)).headers['x-content-type-options'], url).toBe('nosniff');
  });

  it('Referrer-Policy: same-origin on pages and API answers', async () => {
    for (const url of PAGES) expect((await get(url)).headers['referrer-policy'], url).toBe('same-origin');
  });

  it('Strict-Transport-Security only when a trusted proxy says https', async () => {
    expect((await get('/portal/', { from: PROXY, proto: 'https' })).headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect((await get('/api/public/pow', { from: PROXY, proto: 'https' })).headers['strict-transport-security']).toMatch(/^max-age=/);
    expect((await get('/portal/', { from: PROXY, proto: 'http' })).headers['strict-transport-security']).toBeUndefined();
    expect((await get('/portal/', { from: PROXY })).headers['strict-transport-security']).toBeUndefined();
    // Anyone else claiming https is not believed.
    expect((await get('/portal/', { from: '10.9.9.9', proto: 'https' })).headers['strict-transport-security']).toBeUndefined();
  });

  it('the session cookie is Secure behind a trusted https proxy, and only then', async () => {
    const login = (from: string, proto?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: from,
        headers: proto ? { 'x-forwarded-proto': proto } : {},
        payload: { username: 'xq-mzj', password: DEMO_PASSWORD },
      });
    const cookie = async (from: string, proto?: string) => {
      const res = await login(from, proto);
      expect(res.statusCode).toBe(200);
      return res.cookies.find((c) => c.name === 'mz_session')!;
    };
    const viaProxy = await cookie(PROXY, 'https');
    expect(viaProxy.secure).toBe(true);
    expect(viaProxy.httpOnly).toBe(true);
    expect((await cookie(PROXY)).secure).toBeFalsy();
    expect((await cookie('10.9.9.8', 'https')).secure).toBeFalsy();
  });

  // The built pages must run under script-src 'self': no inline <script> and no inline event handler.
  const built = existsSync(path.join(WEB_DIST, 'index.html'));
  it.skipIf(!built)(`every built page loads scripts from files only${built ? '' : ' (skipped: web/dist not built — run npm run build)'}`, () => {
    const pages: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else if (e.name.endsWith('.html')) pages.push(path.join(dir, e.name));
      }
    };
    walk(WEB_DIST);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) {
      const html = readFileSync(p, 'utf8');
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag, p).toMatch(/\bsrc="\/[^"]+"/);
      expect(html, p).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html, p).not.toMatch(/javascript:/i);
    }
  });
});
