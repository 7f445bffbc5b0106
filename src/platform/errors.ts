/**
 * The one error class. `code` is a stable SCREAMING_SNAKE literal declared in a module's
 * contract; `userMessage` is Chinese and safe to show; `details` may name fields.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly userMessage: string;
  readonly details?: Record<string, unknown>;

  constructor(code: string, status: number, userMessage: string, details?: Record<string, unknown>) {
    super(`${code}: ${userMessage}`);
    this.code = code;
    this.status = status;
    this.userMessage = userMessage;
    this.details = details;
  }
}

export const notFound = (what: string, code = 'NOT_FOUND') => new AppError(code, 404, `${what}不存在或无权查看`);
export const forbidden = (msg = '没有执行此操作的权限') => new AppError('FORBIDDEN', 403, msg);
export const badRequest = (code: string, msg: string, details?: Record<string, unknown>) => new AppError(code, 400, msg, details);
export const conflict = (code: string, msg: string, details?: Record<string, unknown>) => new AppError(code, 409, msg, details);
