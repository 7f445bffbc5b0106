import { badRequest } from '../../../platform/errors.ts';
import { validateUscc } from '../../../kernel/codes/index.ts';
import type { HallItem } from '../contracts/items.ts';
import { HALL_ERRORS } from '../contract.ts';

/**
 * The application form checked against the item's field list: every required field filled, each
 * value of its kind (统一社会信用代码 with its check character, phone, date, number, option). The
 * first problem is a 400 naming the field in Chinese. Returns the form with only the item's keys.
 */
export function checkForm(item: HallItem, raw: unknown): Record<string, string> {
  const form = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const out: Record<string, string> = {};
  for (const f of item.fields) {
    const v = form[f.key];
    const s = v === undefined || v === null ? '' : String(v).trim();
    const bad = (why: string) => badRequest('HALL_FIELD_INVALID', `「${f.label}」${why}`, { field: `form.${f.key}` });
    if (!s) {
      if (f.required) throw badRequest('HALL_FIELD_MISSING', `${HALL_ERRORS.FIELDS_MISSING}：「${f.label}」`, { field: `form.${f.key}` });
      continue;
    }
    if (s.length > 500) throw bad('不能超过 500 字');
    if (f.kind === 'uscc') {
      const u = validateUscc(s);
      if (!u.valid) throw bad(u.reason);
    }
    if (f.kind === 'phone' && !/^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(s)) throw bad('应为 11 位手机号或带区号的固定电话');
    if (f.kind === 'number' && !/^\d+(\.\d+)?$/.test(s)) throw bad('应为不小于 0 的数字');
    if (f.kind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(s)) throw bad('日期格式应为 YYYY-MM-DD');
    if (f.kind === 'select' && !f.options?.includes(s)) throw bad(`应为以下之一：${f.options?.join('、')}`);
    out[f.key] = f.kind === 'uscc' ? s.toUpperCase() : s;
  }
  return out;
}
