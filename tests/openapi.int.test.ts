import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

/**
 * The HTTP contract as a reviewed file: every route's request and response schemas, as
 * /openapi.json publishes them, are kept in tests/openapi.snapshot.json. A change to a route's
 * contract fails this test until the snapshot is updated in the same commit, so it shows in review:
 *
 *   node_modules/.bin/vitest run tests/openapi.int.test.ts -u
 *
 * Paths are sorted (registration order is not part of the contract) and the version is blanked.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const sortKeys = (o: Record<string, unknown>) =>
  Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]),
  );

describe('/openapi.json', () => {
  it('matches the committed contract snapshot', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    doc.info.version = '(version)';
    doc.paths = sortKeys(doc.paths);
    await expect(`${JSON.stringify(doc, null, 2)}\n`).toMatchFileSnapshot('./openapi.snapshot.json');
  });

  it('describes every request body: no route takes a body of any shape (z.unknown())', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: object }> } }>>;
    };
    const shapeless = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => Object.values(op.requestBody?.content ?? {}).some((c) => !c.schema || Object.keys(c.schema).length === 0))
        .map(([m]) => `${m.toUpperCase()} ${p}`),
    );
    expect(shapeless).toEqual([]);
  });
});
