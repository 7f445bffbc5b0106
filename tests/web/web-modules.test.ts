import { describe, expect, it } from 'vitest';
import { zh as casesZh } from '../../web/staff/modules/cases/i18n.ts';
import { zh as reportZh } from '../../web/staff/modules/report/i18n.ts';
import { WEB_MODULES } from '../../web/staff/modules/index.ts';
import { loadEnUS } from '../../web/staff/i18n/en-US.ts';
import { zhCN } from '../../web/staff/i18n/zh-CN.ts';
import { StationEditInput } from '../../src/modules/community/contracts/http.ts';

const enUS = await loadEnUS();
/** Each module's Chinese messages: its menu words (with the shell) and the rest (loaded with its pages). */
const moduleZh = new Map(await Promise.all(WEB_MODULES.map(async (m) => [m.key, { ...m.messages.nav, ...(await m.messages.zh()) }] as const)));
const allZh = { ...zhCN, ...casesZh, ...reportZh, ...Object.assign({}, ...moduleZh.values()) };

/** The console's business modules, read from their manifests (modules/<name>/index.tsx). */
describe('web module manifests', () => {
  it('own distinct message keys: no module overwrites the kernel, the case pages or another module', () => {
    const owners = new Map<string, string>();
    const kernelKeys = Object.keys(zhCN).filter((k) => !WEB_MODULES.some((m) => k in moduleZh.get(m.key)!));
    for (const [owner, keys] of [
      ['kernel', kernelKeys],
      ['cases', Object.keys(casesZh)],
      ['report', Object.keys(reportZh)],
      ...WEB_MODULES.map((m) => [m.key, Object.keys(moduleZh.get(m.key)!)]),
    ] as [string, string[]][]) {
      for (const k of keys) {
        expect(owners.get(k), `${k} is defined by ${owners.get(k)} and ${owner}`).toBeUndefined();
        owners.set(k, owner);
      }
    }
    expect(owners.size).toBe(Object.keys(allZh).length);
  });

  it('translate every message into English', async () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(allZh).sort());
    for (const m of WEB_MODULES) expect(Object.keys(await m.messages.en()).sort()).toEqual(Object.keys(moduleZh.get(m.key)!).sort());
  });

  it('route every menu entry, and guard every route either by its menu entry or by a named permission', () => {
    for (const m of WEB_MODULES) {
      const routes = new Set(m.routes.map((r) => r.path));
      for (const e of m.nav) expect(routes.has(e.path), `${e.path} has no route`).toBe(true);
      const menu = new Set(m.nav.map((e) => e.path));
      for (const r of m.routes) expect(menu.has(r.path) || r.permission !== undefined, `${r.path} has neither a menu entry nor a permission`).toBe(true);
    }
  });

  it('fill the station edit form with the station as registered (its case facts), for both edit moves only', () => {
    const prefill = WEB_MODULES.find((m) => m.key === 'community')!.caseTypes!.community_station!.prefill!;
    const facts = {
      name: '丽景社区综合服务站',
      address: '兴庆区丽景街 1 号',
      coordinates: '106.2781, 38.4872',
      hours: '8:30—17:30',
      services: '政务代办、养老服务',
      areaM2: '420',
    };
    const c = { data: { ...facts, staff: 6 } } as unknown as Parameters<typeof prefill>[0];
    const want = { address: facts.address, lng: 106.2781, lat: 38.4872, hours: facts.hours, services: facts.services, brand: undefined, staff: 6 };
    expect(prefill(c, 'edit')).toEqual(want);
    expect(prefill(c, 'edit_suspended')).toEqual(want);
    expect(prefill(c, 'suspend')).toBeUndefined();
    // Every value lands on a field of the move's input (the server's schema).
    expect(Object.keys(want).filter((k) => !(k in StationEditInput.shape))).toEqual([]);
  });

  it('give each case type to one module only', () => {
    const types = WEB_MODULES.flatMap((m) => Object.keys(m.caseTypes ?? {}));
    expect(new Set(types).size).toBe(types.length);
  });
});
