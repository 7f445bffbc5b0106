import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';

let t: TestApp;
let ld: Session;
beforeAll(async () => {
  t = await createTestApp({ clock: manualClock(new Date('2019-06-28T02:00:00Z')) });
  ld = await t.login('ld-mzj');
});
afterAll(async () => t?.close());

const problem = (res: { statusCode: number; json(): any }) => ({ status: res.statusCode, ...res.json() });

/** A multipart body with one file part, its name as given (RFC 5987 encoded, so any character can be sent). */
function multipart(fileName: string) {
  const boundary = '----mzGuardBoundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(fileName)}\r\nContent-Type: text/plain\r\n\r\n`,
    ),
    Buffer.from('hello'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('dates: one platform-wide rule, statistics bounded', () => {
  // Before the guard, from=1900-01-01&to=2999-12-31 walked 13,200 months through the database; 9999 dates looped forever.
  it.each([
    ['to=9999-12-31', 'to'],
    ['to=10000-01-01', 'to'],
    ['from=2019-02-30', 'from'],
    ['from=1900-01-01&to=2099-12-31', 'from'],
    ['from=2000-01-01&to=2019-06-30', 'from'],
  ])('GET /api/dibao/stats?%s answers 400 at once, naming %s', async (q, field) => {
    for (const path of ['/api/dibao/stats', '/api/dibao/stats.xlsx']) {
      const started = Date.now();
      const res = await ld.get(`${path}?${q}`);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(res.statusCode).toBe(400);
      expect(res.json().title).toContain(`「${field}」`);
    }
  });

  it('a ten-year period is still served', async () => {
    const res = await ld.get('/api/dibao/stats?from=2009-07-01&to=2019-06-30');
    expect(res.statusCode).toBe(200);
    expect(res.json().spending).toHaveLength(120);
  });

  it('an impossible date in any JSON body is refused before the route runs, naming the field', async () => {
    const p = problem(await ld.post('/api/areas', { code: '640423999', name: '测试', since: '2019-02-29' }));
    expect(p).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', details: { field: 'since' } });
    expect(p.title).toContain('「since」不是有效日期');
  });
});

describe('text: control characters, lone surrogates, bidi overrides', () => {
  it('NUL in a query string → 400 naming the parameter', async () => {
    const p = problem(await ld.get('/api/petitions?q=a%00b'));
    expect(p).toMatchObject({ status: 400, details: { field: 'q' } });
    expect(p.title).toMatch(/^查询参数中「q」含有不可见的控制字符.*control characters/);
  });

  it('a newline is text in a body but not in a query string', async () => {
    expect((await ld.get('/api/petitions?q=a%0Ab')).statusCode).toBe(400);
    const body = await ld.post('/api/areas', { code: 'x', name: 'a\nb' });
    expect(body.json().title ?? '').not.toContain('控制字符');
  });

  it('NUL, ESC and a lone surrogate deep in a JSON body → 400 naming the path', async () => {
    const nul = problem(await ld.post('/api/areas', { code: '640423999', name: 'ok', extra: [{ note: 'x\u0000' }] }));
    expect(nul).toMatchObject({ status: 400, details: { field: 'extra.0.note' } });
    expect(problem(await ld.post('/api/areas', { name: '\u001b[31m' })).details.field).toBe('name');
    const lone = await t.app.inject({
      method: 'POST',
      url: '/api/areas',
      headers: { cookie: ld.cookie, 'x-csrf-token': ld.csrf, 'content-type': 'application/json' },
      payload: '{"name":"\\ud800x"}',
    });
    expect(problem(lone)).toMatchObject({ status: 400, details: { field: 'name' } });
    expect(lone.json().title).toContain('lone surrogate');
  });

  it('a control character in a path parameter → 400', async () => {
    expect((await ld.get('/api/cases/%01')).statusCode).toBe(400);
  });

  it('file names: right-to-left override and NUL refused in multipart uploads, plain names pass the guard', async () => {
    const url = '/api/cases/00000000-0000-7000-8000-000000000000/attachments';
    const send = (name: string) =>
      t.app.inject({ method: 'POST', url, ...multipart(name), headers: { ...multipart(name).headers, cookie: ld.cookie, 'x-csrf-token': ld.csrf } });
    const rlo = problem(await send('invoice\u202Efdp.exe'));
    expect(rlo).toMatchObject({ status: 400, details: { field: 'file.filename' } });
    expect(rlo.title).toContain('文字方向控制字符');
    expect((await send('a\u0000.pdf')).statusCode).toBe(400);
    expect((await send('证明.pdf')).statusCode).toBe(415); // past the guard: the route's own content check answers
  });
});

describe('integers', () => {
  it('2^31 in a JSON body → 400; cents fields may be larger', async () => {
    const p = problem(await ld.post('/api/cases/00000000-0000-7000-8000-000000000000/withdraw', { expectedVersion: 2 ** 31, reason: '测试' }));
    expect(p).toMatchObject({ status: 400, details: { field: 'expectedVersion' } });
    expect(p.title).toContain('integer out of range');
    const cents = await ld.post('/api/orgs', { capitalCents: 2 ** 40 });
    expect(cents.json().details?.field).not.toBe('capitalCents');
  });

  it('2^31 in a numeric query parameter → 400, but a long digit string in a text parameter is text', async () => {
    expect(problem(await ld.get('/api/petitions?page=2147483648'))).toMatchObject({ status: 400, details: { field: 'page' } });
    expect((await ld.get('/api/petitions?q=640423198001010011')).statusCode).toBe(200);
  });
});

describe('found by the fuzzer (tests/fuzz)', () => {
  it('POST /api/cases with a type no workflow defines → 400 naming type (was 500, FUZZ_SEED=7)', async () => {
    const p = problem(await ld.post('/api/cases', { type: '𝔘Ꝥ', title: 'name', orgUnitId: '00000019-857a-26b3-8444-4cc658cab011' }));
    expect(p).toMatchObject({ status: 400, code: 'CASE_TYPE_UNKNOWN', details: { field: 'type' } });
  });
});
