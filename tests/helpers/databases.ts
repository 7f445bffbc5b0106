import pg from 'pg';

/** Admin helpers for the PostgreSQL test tier: one database per test file, cloned from a migrated template. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = '/' + name;
  return u.toString();
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

export const quoteIdent = (s: string) => '"' + s.replaceAll('"', '""') + '"';
