import type { FormInstance } from 'antd';
import { ApiError } from './api.ts';

/**
 * Put a server error where the user will see it: field errors from details.fields go next
 * to their inputs; the rest is returned as the message for the form's alert.
 */
export function applyServerError(form: FormInstance, err: unknown, known: string[]): string | null {
  if (!(err instanceof ApiError)) return String(err);
  const fields = err.fieldErrors;
  const matched = Object.entries(fields).filter(([name]) => known.includes(name));
  if (matched.length) form.setFields(matched.map(([name, message]) => ({ name, errors: [message] })));
  const field = typeof err.details?.field === 'string' ? err.details.field : null;
  if (field && known.includes(field)) {
    form.setFields([{ name: field, errors: [err.title] }]);
    return null;
  }
  return matched.length && matched.length === Object.keys(fields).length ? null : err.title;
}
