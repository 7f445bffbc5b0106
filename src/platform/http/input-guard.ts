import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { validationProblem, type FieldProblem } from './parse-input.ts';
import { dateLikeProblem, INT_MAX, INT_PROBLEM, NUMBER_PROBLEM, textProblem, type TextKind } from './input-rules.ts';

/**
 * The one place that refuses hostile input, for every route, before the route's own schema runs:
 * control characters (line breaks and tabs only in body text), lone surrogates, bidirectional
 * override characters in file names, impossible or out-of-range dates, integers beyond a
 * PostgreSQL integer column and non-finite numbers — in the query string, the path parameters,
 * the JSON body (walked to every leaf, keys included) and multipart file names and fields.
 * The answer is a 400 naming the field (e.g. 「查询参数中「to」不是有效日期…」), never a 500.
 */

const WHERE = { querystring: '查询参数', params: '路径参数', body: '请求内容', multipart: '上传内容' } as const;
type Where = keyof typeof WHERE;

/** Body keys whose values are file names (bidirectional overrides refused there). */
const FILE_NAME_KEY = /^(file_?name|filename|name_?of_?file)$/i;
/** Body keys allowed to exceed a 32-bit integer: money in cents (bigint columns), bounded by their own schemas. */
const WIDE_INT_KEY = /(Cents|Bytes)$/;
const MAX_DEPTH = 32;

/** Every problem in a parsed value (depth-first, path as dotted keys). */
export function inputProblems(value: unknown, where: Where, numericKeys: ReadonlySet<string> = new Set()): FieldProblem[] {
  const out: FieldProblem[] = [];
  const line: TextKind = where === 'body' || where === 'multipart' ? 'multiline' : 'line';
  const walk = (v: unknown, path: string, key: string, depth: number): void => {
    if (out.length >= 10) return;
    if (typeof v === 'string') {
      const p = textProblem(v, FILE_NAME_KEY.test(key) ? 'filename' : line) ?? dateLikeProblem(v) ?? numericStringProblem(v, key, numericKeys);
      if (p) out.push({ field: path, message: p });
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) out.push({ field: path, message: NUMBER_PROBLEM });
      else if (Number.isInteger(v) && Math.abs(v) > INT_MAX && !WIDE_INT_KEY.test(key)) out.push({ field: path, message: INT_PROBLEM });
    } else if (Array.isArray(v)) {
      if (depth > MAX_DEPTH) out.push({ field: path, message: '嵌套层次过深（nested too deeply）' });
      else v.forEach((x, i) => walk(x, path ? `${path}.${i}` : String(i), key, depth + 1));
    } else if (v && typeof v === 'object') {
      if (depth > MAX_DEPTH) return void out.push({ field: path, message: '嵌套层次过深（nested too deeply）' });
      for (const [k, x] of Object.entries(v)) {
        const kp = textProblem(k, 'line');
        const at = path ? `${path}.${k}` : k;
        if (kp) out.push({ field: at, message: `字段名${kp}` });
        else walk(x, at, k, depth + 1);
      }
    }
  };
  walk(value, '', '', 0);
  return out;
}

/** A query/path value declared numeric by the route that a 32-bit integer column cannot hold. */
function numericStringProblem(v: string, key: string, numericKeys: ReadonlySet<string>): string | null {
  if (!numericKeys.has(key)) return null;
  const n = Number(v.trim());
  if (v.trim() !== '' && !Number.isFinite(n)) return NUMBER_PROBLEM;
  return Number.isInteger(n) && Math.abs(n) > INT_MAX ? INT_PROBLEM : null;
}

const problem = (where: Where, fields: FieldProblem[]) =>
  validationProblem(
    fields.map((f) => ({ ...f, field: f.field || where })),
    undefined,
    `${WHERE[where]}中`,
  );

/** Names of the numeric properties of a route's query or params schema (zod), computed once per route. */
const numericCache = new WeakMap<object, Set<string>>();
function numericKeysOf(schema: unknown): Set<string> {
  if (!schema || typeof schema !== 'object') return new Set();
  let keys = numericCache.get(schema);
  if (keys) return keys;
  keys = new Set();
  try {
    const json = z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
    const isNumeric = (s: unknown): boolean => {
      if (!s || typeof s !== 'object') return false;
      const o = s as { type?: unknown; anyOf?: unknown[]; oneOf?: unknown[] };
      return o.type === 'integer' || o.type === 'number' || (o.anyOf ?? o.oneOf ?? []).some(isNumeric);
    };
    for (const [k, s] of Object.entries(json.properties ?? {})) if (isNumeric(s)) keys.add(k);
  } catch {
    // A schema zod cannot describe: its values get the text checks only.
  }
  numericCache.set(schema, keys);
  return keys;
}

/** Throws the 400 for the first hostile value in a request's query string, path parameters and JSON body. */
export function guardRequest(req: FastifyRequest): void {
  const schema = (req.routeOptions?.schema ?? {}) as { querystring?: unknown; params?: unknown };
  const q = inputProblems(req.query, 'querystring', numericKeysOf(schema.querystring));
  if (q.length) throw problem('querystring', q);
  const p = inputProblems(req.params, 'params', numericKeysOf(schema.params));
  if (p.length) throw problem('params', p);
  // Raw bytes (a chunk of a chunked upload) are not text: their content is checked by type at completion.
  if (req.body !== undefined && !req.isMultipart() && !Buffer.isBuffer(req.body)) {
    const b = inputProblems(req.body, 'body');
    if (b.length) throw problem('body', b);
  }
}

type Part = { type: 'file' | 'field'; filename?: string; fieldname: string; value?: unknown };

/** The 400 for a hostile multipart part: a file name or a text field (a JSON field is walked). */
export function guardPart(part: Part): void {
  if (part.type === 'file') {
    const msg = textProblem(part.filename ?? '', 'filename');
    if (msg) throw problem('multipart', [{ field: `${part.fieldname}.filename`, message: msg }]);
    return;
  }
  if (typeof part.value !== 'string') return;
  const raw = part.value;
  let parsed: unknown = raw;
  if (/^\s*[{[]/.test(raw)) {
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = raw;
    }
  }
  const found = inputProblems(parsed, 'multipart');
  if (found.length)
    throw problem(
      'multipart',
      found.map((f) => ({ ...f, field: f.field ? `${part.fieldname}.${f.field}` : part.fieldname })),
    );
}

type MultipartRequest = {
  file(...a: unknown[]): Promise<Part | undefined>;
  parts(...a: unknown[]): AsyncIterableIterator<Part>;
};

/** Wraps this request's req.file()/req.parts() so every part passes guardPart before a route sees it. */
function guardMultipart(req: FastifyRequest): void {
  const r = req as unknown as MultipartRequest;
  const file = r.file.bind(req);
  const parts = r.parts.bind(req);
  r.file = async (...a) => {
    const f = await file(...a);
    if (f) guardPart(f);
    return f;
  };
  r.parts = (...a) =>
    (async function* () {
      for await (const part of parts(...a)) {
        guardPart(part);
        yield part;
      }
    })();
}

/** Installs the guard on every route of the app (register before the routes). */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    guardRequest(req);
    if (req.isMultipart()) guardMultipart(req);
  });
}
