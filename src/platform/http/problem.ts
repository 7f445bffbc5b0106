import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';
import { validationProblem } from './parse-input.ts';

const LOCATION: Record<string, string> = { body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' };

/**
 * One error handler: every failure leaves as application/problem+json with a stable code
 * and a Chinese message. 5xx never leak a stack or SQL.
 */
export function problemHandler(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    return send(reply, err.status, err.code, err.userMessage, err.details);
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const ctx = (err as FastifyError).validationContext ?? 'body';
    const fields = err.validation.map((v) => ({
      field: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || ctx,
      message: v.message ?? '格式不正确',
    }));
    const p = validationProblem(fields, undefined, `${LOCATION[ctx] ?? ctx}中`);
    return send(reply, p.status, p.code, p.userMessage, p.details);
  }
  const fe = err as FastifyError;
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的请求内容类型');
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe.statusCode === 400 && err instanceof SyntaxError))
    return send(reply, 400, 'MALFORMED_JSON', '请求内容不是有效的 JSON');
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(reply, 413, 'PAYLOAD_TOO_LARGE', '请求内容过大');
  if (fe.statusCode === 429) return send(reply, 429, 'RATE_LIMITED', '请求过于频繁，请稍后再试');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 && !isResponseSerializationError(err)) {
    return send(reply, fe.statusCode, fe.code ?? 'BAD_REQUEST', '请求无效');
  }
  // Safety net behind the input guard: a value the database refuses (SQLSTATE class 22, data exception) is the caller's.
  const sqlState = (err as { code?: unknown }).code;
  if (typeof sqlState === 'string' && /^22[0-9A-Z]{3}$/.test(sqlState)) {
    req.log.warn({ sqlState }, 'database refused a value');
    return send(reply, 400, 'VALUE_INVALID', '输入的值无效或超出范围，请检查后重试（invalid or out-of-range value）');
  }
  req.log.error({ err }, 'unhandled error');
  return send(reply, 500, 'INTERNAL_ERROR', '系统内部错误，请稍后重试；如持续出现请联系管理员');
}

export function send(reply: FastifyReply, status: number, code: string, title: string, details?: Record<string, unknown>) {
  return reply
    .status(status)
    .type('application/problem+json; charset=utf-8')
    .send({ type: `urn:minzheng:problem:${code}`, status, code, title, ...(details ? { details } : {}) });
}
