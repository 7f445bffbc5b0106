import { describe, expect, it } from 'vitest';
import { LOGIN_MODULES, loginEn, loginZh } from '../../web/staff/modules/auth/messages.ts';
import { WEB_MODULES } from '../../web/staff/modules/index.ts';
import { loadEnUS } from '../../web/staff/i18n/en-US.ts';
import { zhCN } from '../../web/staff/i18n/zh-CN.ts';

const enUS = await loadEnUS();

/** The sign-in page carries its own small dictionary (it loads without the console's): it must say what the console says. */
describe('sign-in page texts', () => {
  it('list the modules as the console menu names them, in both languages', () => {
    const keys = WEB_MODULES.map((m) => m.label);
    expect(LOGIN_MODULES.zh).toEqual(keys.map((k) => zhCN[k]));
    expect(LOGIN_MODULES.en).toEqual(keys.map((k) => enUS[k]));
  });

  it('are part of the console dictionaries, every key in English too', () => {
    expect(Object.keys(loginEn).sort()).toEqual(Object.keys(loginZh).sort());
    for (const [k, v] of Object.entries(loginZh)) expect(zhCN[k as keyof typeof zhCN]).toBe(v);
    for (const [k, v] of Object.entries(loginEn)) expect(enUS[k as keyof typeof enUS]).toBe(v);
  });
});
