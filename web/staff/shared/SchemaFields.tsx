import { DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import type { FormRule as Rule } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../i18n/i18n.tsx';
import { zhCN, type MessageKey } from '../i18n/zh-CN.ts';
import type { JsonSchema } from './api-types.ts';

/** Strings longer than this (by maxLength) get a textarea. */
const LONG_TEXT = 80;

/** A property's schema without the `anyOf: [x, {type: 'null'}]` wrapper zod uses for nullable fields. */
function unwrap(s: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const alts = s.anyOf ?? s.oneOf;
  if (alts) {
    const real = alts.filter((a) => a.type !== 'null');
    if (real.length === 1)
      return { schema: { ...real[0]!, title: s.title ?? real[0]!.title, description: s.description ?? real[0]!.description }, nullable: true };
  }
  if (Array.isArray(s.type)) {
    const real = s.type.filter((x) => x !== 'null');
    return { schema: { ...s, type: real[0] }, nullable: real.length !== s.type.length };
  }
  return { schema: s, nullable: false };
}

/** Field label: the schema's title or description, else a known field name from the dictionaries, else the key. */
export function useFieldLabel() {
  const { t } = useI18n();
  return (key: string, s?: JsonSchema) => {
    if (s?.title) return s.title;
    if (s?.description && s.description.length <= 20) return s.description;
    const k = `field.${key}` as MessageKey;
    return k in zhCN ? t(k) : key;
  };
}

/**
 * Form items for an object JSON Schema (zod's toJSONSchema output): string (textarea when its
 * maxLength is long; date format → date picker), enum → select, number/integer, boolean → switch.
 * Values land under `name` (e.g. ['input', 'summary']); dates are kept as YYYY-MM-DD strings.
 */
export function SchemaFields({ schema, name }: { schema: JsonSchema | null | undefined; name: string }) {
  const { t } = useI18n();
  const label = useFieldLabel();
  const props = schema?.properties ?? {};
  const required = new Set(schema?.required ?? []);
  return (
    <>
      {Object.entries(props).map(([key, raw]) => {
        const { schema: s, nullable } = unwrap(raw);
        const l = label(key, raw);
        const isRequired = required.has(key) && !nullable;
        const rules: Rule[] = isRequired ? [{ required: true, whitespace: s.type === 'string', message: t('common.required', { f: l }) }] : [];
        const common = { name: [name, key], label: l, extra: s.description && s.description !== l ? s.description : undefined };
        const options = s.enum ?? (s.anyOf ?? s.oneOf)?.filter((a) => a.const !== undefined).map((a) => a.const);
        if (options?.length) {
          return (
            <Form.Item key={key} {...common} rules={rules}>
              <Select allowClear={!isRequired} options={options.map((v) => ({ value: v as string, label: String(v) }))} />
            </Form.Item>
          );
        }
        if (s.type === 'boolean') {
          return (
            <Form.Item key={key} {...common} valuePropName="checked" initialValue={typeof s.default === 'boolean' ? s.default : false}>
              <Switch />
            </Form.Item>
          );
        }
        if (s.type === 'number' || s.type === 'integer') {
          const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (s.type === 'integer' ? 1 : 0) : undefined);
          const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (s.type === 'integer' ? 1 : 0) : undefined);
          return (
            <Form.Item key={key} {...common} rules={rules}>
              <InputNumber style={{ width: '100%' }} min={min} max={max} precision={s.type === 'integer' ? 0 : undefined} />
            </Form.Item>
          );
        }
        if (s.type === 'string' && s.format === 'date') {
          return (
            <Form.Item
              key={key}
              {...common}
              rules={rules}
              getValueProps={(v) => ({ value: v ? dayjs(v) : undefined })}
              normalize={(d) => d?.format('YYYY-MM-DD')}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          );
        }
        const strRules: Rule[] = [...rules];
        if (s.minLength && s.minLength > 1) strRules.push({ min: s.minLength });
        if (s.maxLength) strRules.push({ max: s.maxLength });
        const long = (s.maxLength ?? 0) > LONG_TEXT;
        return (
          <Form.Item key={key} {...common} rules={strRules}>
            {long ? <Input.TextArea rows={4} maxLength={s.maxLength} showCount /> : <Input maxLength={s.maxLength} />}
          </Form.Item>
        );
      })}
    </>
  );
}

/** Drop empty strings and undefined so optional fields are simply absent. */
export function cleanInput(values: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values ?? {})) {
    if (v === undefined || v === null) continue;
    if (typeof v === 'string') {
      if (v.trim() === '') continue;
      out[k] = v.trim();
    } else out[k] = v;
  }
  return out;
}

/** Does the schema have any fields to render? */
export const hasFields = (s: JsonSchema | null | undefined) => !!s && Object.keys(s.properties ?? {}).length > 0;
