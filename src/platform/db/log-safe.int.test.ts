import { Writable } from 'node:stream';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { openTestContext, type TestContext } from '../../../tests/helpers/test-context.ts';
import { LOG_SERIALIZERS, scrubDbText } from './log-safe.ts';

/** A failing statement with a secret parameter leaves the statement in the log, never the secret. */
const SECRET = '$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0c2FsdA$SECRETHASHvalue';

let t: TestContext;
beforeAll(async () => {
  t = await openTestContext();
});
afterAll(() => t?.close());

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => lines.join('') };
}

/** Three ways a parameter comes back in an error: PGlite's `params`, the message, the detail. */
const failures: [string, () => Promise<unknown>][] = [
  [
    'duplicate key, secret as an ordinary parameter',
    async () => {
      await sql`insert into core.secret (name, value) values ('log-test-dup', 'x')`.execute(t.ctx.db);
      await sql`insert into core.secret (name, value) values ('log-test-dup', ${SECRET})`.execute(t.ctx.db);
    },
  ],
  ['invalid input, secret quoted in the message', () => sql`select ${SECRET}::int as n`.execute(t.ctx.db)],
  [
    'not-null violation, secret in the failing row',
    () => sql`insert into core.secret (name, value) values (${'log-test-' + SECRET.slice(-10)}, null), (${SECRET}, ${SECRET})`.execute(t.ctx.db),
  ],
  [
    'duplicate key, secret in the key',
    async () => {
      await sql`insert into core.secret (name, value) values (${SECRET}, 'x')`.execute(t.ctx.db);
      await sql`insert into core.secret (name, value) values (${SECRET}, 'y')`.execute(t.ctx.db);
    },
  ],
];

describe(`no SQL parameters in logs (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it.each(failures)('process logger: %s', async (_name, fail) => {
    const err = await fail().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    const out = capture();
    pino({ level: 'info', serializers: LOG_SERIALIZERS }, out.stream).error({ err }, 'query failed');
    const logged = out.text();
    expect(logged).toContain('query failed');
    expect(logged).toMatch(/insert into core\.secret|select \$1::int/); // the statement, with placeholders
    expect(logged).not.toContain('SECRETHASHvalue');
  });

  it('the HTTP server log of an unhandled database error has the statement and not the secret', async () => {
    const out = capture();
    const app = await buildApp(t.ctx, { serveWeb: false, logger: { level: 'error', serializers: LOG_SERIALIZERS, stream: out.stream } });
    // Not a data exception (class 22, which answers 400): a missing relation is the server's own fault.
    app.get('/test/failing-query', async () => sql`select ${SECRET}::text as n from core.no_such_table`.execute(t.ctx.db));
    const res = await app.inject({ method: 'GET', url: '/test/failing-query' });
    await app.close();
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('SECRETHASHvalue');
    expect(out.text()).toContain('unhandled error');
    expect(out.text()).toContain('no_such_table');
    expect(out.text()).not.toContain('SECRETHASHvalue');
  });

  it('keeps identifiers and constraint names, drops quoted values', () => {
    expect(scrubDbText('duplicate key value violates unique constraint "secret_pkey"')).toBe('duplicate key value violates unique constraint "secret_pkey"');
    expect(scrubDbText('Key (name)=(s3cr3t) already exists.')).toBe('Key (name)=(…) already exists.');
    expect(scrubDbText('invalid input syntax for type uuid: "s3cr3t"')).toBe('invalid input syntax for type uuid: "…"');
    expect(scrubDbText('value "99999999999" is out of range for type integer')).toBe('value "…" is out of range for type integer');
    expect(scrubDbText('Failing row contains (a, null, s3cr3t).')).toBe('Failing row contains (…).');
  });
});
