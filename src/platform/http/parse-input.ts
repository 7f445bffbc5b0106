import type { z } from 'zod';
import { AppError } from '../errors.ts';

/** Names a field path for the user (members.1.idNumber → 家庭成员第 2 项·身份证号); the path itself by default. */
export type FieldLabel = (path: string) => string;

export type FieldProblem = { field: string; message: string };

/**
 * The 400 problem for invalid input: title `「字段」message` naming the first bad field,
 * details `{ field, fields }` listing all of them. A message that already names its field
 * (starts with 「) is kept as it is.
 */
export function validationProblem(fields: FieldProblem[], label: FieldLabel = (p) => p, where = ''): AppError {
  const first = fields[0] ?? { field: '', message: '格式不正确' };
  const title = first.message.startsWith('「') ? first.message : `${where}「${label(first.field) || '输入'}」${first.message}`;
  return new AppError('VALIDATION_FAILED', 400, title, { field: first.field, fields });
}

export const issuesToFields = (issues: readonly z.core.$ZodIssue[]): FieldProblem[] => issues.map((i) => ({ field: i.path.join('.'), message: i.message }));

/**
 * The one validation preamble for a command that takes raw input (an HTTP body, a CLI file,
 * a test): the parsed value, or the 400 problem above. A missing body counts as `{}`.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, label?: FieldLabel): z.output<S> {
  const r = schema.safeParse(raw ?? {});
  if (!r.success) throw validationProblem(issuesToFields(r.error.issues), label);
  return r.data;
}

type SchemaError = { instancePath?: string; message?: string };

/**
 * Route option `schemaErrorFormatter` for a route whose body fields have user-facing labels:
 * the route's own schema check then reads like `parseInput(schema, body, label)`.
 */
export const labelledSchemaErrors =
  (label: FieldLabel) =>
  (errors: SchemaError[]): Error =>
    validationProblem(
      errors.map((e) => ({ field: (e.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.'), message: e.message ?? '格式不正确' })),
      label,
    );
