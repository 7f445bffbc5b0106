import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type TestApp } from '../../../tests/helpers/test-app.ts';
import { seedDemoNormdocs } from './demo/seed-demo-normdocs.ts';

// The demo register: 2019 documents of the 厅's divisions and of 银川市民政局, numbered gaplessly
// per body and year, and this year's documents at different stages — written through the real steps.
const clock = manualClock(new Date('2026-12-06T02:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t?.close());

describe('规范性文件 demo data', () => {
  it('writes the plan through the pipeline; idempotent', async () => {
    expect(await seedDemoNormdocs(t.ctx)).toEqual({ created: 11, skipped: false });
    expect((await seedDemoNormdocs(t.ctx)).skipped).toBe(true);
    const fgc = await t.login('nx-fgc');
    const all = (await fgc.get('/api/normdocs?pageSize=100')).json();
    expect(all.total).toBe(11);
    const numbers = all.items
      .map((i: any) => i.number)
      .filter(Boolean)
      .sort();
    expect(numbers).toEqual([
      '宁民规发〔2019〕1号',
      '宁民规发〔2019〕2号',
      '宁民规发〔2019〕3号',
      '宁民规发〔2019〕4号',
      '宁民规发〔2026〕1号',
      '宁民规发〔2026〕2号',
      '银民规发〔2019〕1号',
    ]);
    const states = all.items.map((i: any) => i.state);
    for (const s of ['drafting', 'consulting', 'reviewing', 'reviewed', 'published', 'filed']) expect(states).toContain(s);
    const yc = await t.login('yc-mzj');
    expect((await yc.get('/api/normdocs?year=2019')).json().items.map((i: any) => i.number)).toEqual(['银民规发〔2019〕1号']);
    // No published document skipped a gate.
    for (const i of all.items.filter((x: any) => x.publishedOn)) {
      const d = (await fgc.get(`/api/normdocs/${i.id}`)).json();
      expect(
        d.gates.filter((g: any) => g.gate !== '备案').every((g: any) => g.passed),
        i.title,
      ).toBe(true);
    }
    const inForce = (await t.app.inject({ method: 'GET', url: '/api/public/normdocs?on=2020-01-01' })).json().items.map((i: any) => i.number);
    expect(inForce).toHaveLength(5);
  }, 60_000);
});
