import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type Session, type TestApp } from '../../../tests/helpers/test-app.ts';
import { seedCommunityDemo } from './demo/seed-community-demo.ts';
import { STATION_COLUMNS } from './contracts/station-columns.ts';

const clock = manualClock(new Date('2026-12-01T02:00:00Z'));
let t: TestApp;
let admin: Session, yc: Session, xq: Session, ld: Session;

beforeAll(async () => {
  t = await createTestApp({ clock });
  expect((await seedCommunityDemo(t.ctx)).stations).toBe(529);
  expect((await seedCommunityDemo(t.ctx)).stations).toBe(0); // idempotent
  [admin, yc, xq, ld] = await Promise.all(['nx-fgc-lead', 'yc-mzj', 'xq-mzj', 'ld-mzj'].map((u) => t.login(u)));
}, 600_000);
afterAll(async () => t?.close());

const station = (over: Record<string, unknown> = {}) => ({
  name: '丽景街丽景社区综合服务站（测试）',
  kind: 'urban',
  areaCode: '640104011',
  township: '丽景街街道',
  community: '丽景社区',
  address: '兴庆区丽景街丽景社区',
  lng: 106.3,
  lat: 38.47,
  areaM2: 620,
  staff: 9,
  hours: '周一至周五 8:30—18:00',
  services: ['社会救助受理', '养老服务'],
  brand: '一心五乐',
  establishedOn: '2026-11-20',
  ...over,
});

describe('the station registry', () => {
  it('reproduces the report’s 529 = 69 urban + 460 rural, and a city sees several of its districts only', async () => {
    const all = (await admin.get('/api/community/stations/stats?asOf=2019-12-31')).json();
    expect(all.totals).toMatchObject({ urban: 69, rural: 460, total: 529 });
    expect(all.byCounty).toHaveLength(22);
    const city = (await yc.get('/api/community/stations/stats?asOf=2019-12-31')).json();
    expect(city.byCounty.map((r: any) => r.code).every((c: string) => c.startsWith('6401'))).toBe(true);
    expect(city.byCounty.length).toBe(6);
    const county = (await xq.get('/api/community/stations?pageSize=200')).json();
    expect(county.total).toBe(20);
    expect(county.items.every((s: any) => s.countyCode === '640104')).toBe(true);
    // before most stations were built the count is smaller
    expect((await admin.get('/api/community/stations/stats?asOf=2015-01-01')).json().totals.total).toBeLessThan(529);
  });

  it('keeps stations in service out of the county’s 待办 (nobody owes them a step); the registry lists them', async () => {
    const todo = (await xq.get('/api/worklist?tab=todo&pageSize=100')).json();
    expect(todo.items.filter((i: any) => i.type === 'community_station')).toEqual([]);
    const counts = (await xq.get('/api/worklist/counts')).json();
    expect(counts.todo).toBe(todo.total);
    expect((await xq.get('/api/worklist?tab=todo&type=community_station')).json().total).toBe(0);
    expect((await xq.get('/api/community/stations?pageSize=200')).json().total).toBe(20);
  });

  it('registers a station at the county 民政局 and refuses bad places in Chinese', async () => {
    const ok = await xq.post('/api/community/stations', station());
    expect(ok.statusCode, ok.body).toBe(201);
    const d = (await xq.get(`/api/community/stations/${ok.json().id}`)).json();
    expect(d).toMatchObject({ countyName: '兴庆区', kindLabel: '城市社区', orgUnitName: '兴庆区民政局', stateLabel: '运行中' });
    expect((await ld.get(`/api/community/stations/${ok.json().id}`)).statusCode).toBe(404);
    // 运行中 rests: 暂停服务 and 撤销 are open, nobody is named as the next to act.
    expect((await xq.get(`/api/cases/${ok.json().id}`)).json().nextStep).toBeNull();

    const outside = await xq.post('/api/community/stations', station({ lng: 116.4, lat: 39.9 }));
    expect([outside.statusCode, outside.json().title]).toEqual([400, expect.stringContaining('不在宁夏')]);
    const otherCounty = await xq.post('/api/community/stations', station({ lng: 106.17, lat: 35.61 }));
    expect([otherCounty.statusCode, otherCounty.json().title]).toEqual([400, expect.stringContaining('不在兴庆区范围内')]);
    const badCode = await xq.post('/api/community/stations', station({ areaCode: '110101' }));
    expect(badCode.statusCode).toBe(400);
    const foreign = await ld.post('/api/community/stations', station());
    expect(foreign.statusCode).toBe(403);
  });

  it('imports a registry all or nothing, with an error CSV and workbook naming line and column', async () => {
    const row = (name: string, code: string, lng: string, lat: string, area = '300') =>
      [name, '农村', code, '城关镇', '测试村', '隆德县城关镇测试村', lng, lat, area, '4', '周一至周五', '社会救助受理；便民代办', '', '2026-11-01'].join(',');
    const header = STATION_COLUMNS.join(',');
    const bad = [
      header,
      row('城关镇甲村综合服务站', '640423100', '106.11', '35.62'),
      row('乙', '640423100', '120.1', '30.2'),
      row('丙', '990000', '106.1', '35.6'),
      row('丁', '640423100', '106.11', '35.62', '-5'),
    ].join('\n');
    const r = (await ld.post('/api/community/stations/import', { csv: bad })).json();
    expect(r.imported).toBe(0);
    expect(r.errors.map((e: any) => [e.line, e.column])).toEqual([
      [3, '经度'],
      [4, '行政区划代码'],
      [5, '面积（平方米）'],
    ]);
    expect(r.errorsCsv).toContain('错误说明');
    expect(Buffer.from(r.errorsXlsxBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    const before = (await ld.get('/api/community/stations?pageSize=1')).json().total;
    expect(before).toBe(24);
    const good = (
      await ld.post('/api/community/stations/import', { csv: [header, row('城关镇甲村综合服务站', '640423100', '106.11', '35.62')].join('\n') })
    ).json();
    expect(good).toMatchObject({ imported: 1, errors: [] });
    expect((await ld.get('/api/community/stations?pageSize=1')).json().total).toBe(25);
    const foreign = (await ld.post('/api/community/stations/import', { csv: [header, row('某站', '640104', '106.3', '38.47')].join('\n') })).json();
    expect(foreign.errors[0].message).toContain('不在本单位管辖范围内');
  });

  it('shows the stations in service on the portal and the county outlines', async () => {
    const pub = (await t.app.inject({ method: 'GET', url: '/api/public/community/stations' })).json();
    expect(pub.totals.total).toBeGreaterThanOrEqual(529);
    expect(pub.items[0]).not.toHaveProperty('staff');
    const geo = (await t.app.inject({ method: 'GET', url: '/api/public/community/counties.geojson' })).json();
    expect(geo.features).toHaveLength(22);
  });

  it('reports the stations and the duty list with their records', async () => {
    const r = (await admin.get('/api/report/metrics?year=2019&section=community')).json();
    const f = Object.fromEntries(r.sections.flatMap((s: any) => s.metrics).map((m: any) => [m.code, m]));
    expect([f['community.stations'].value, f['community.stations_urban'].value, f['community.stations_rural'].value]).toEqual([529, 69, 460]);
    expect(f['community.duties'].value).toBe(60);
    expect(f['community.stations'].recordCount).toBe(529);
    const recs = (await admin.get('/api/report/records?metric=community.stations_urban&year=2019&pageSize=100')).json();
    expect(recs.total).toBe(69);
    expect(recs.items[0].type).toBe('community_station');
  });
  it('修改登记信息: address, coordinates inside Ningxia and the county, hours, services, brand, staff; recorded; the county’s own only', async () => {
    const id = (await xq.post('/api/community/stations', station({ name: '丽景街丽景社区综合服务站（修改）' }))).json().id;
    const edit = (s: Session, input: unknown, name = 'edit') => s.post(`/api/cases/${id}/transitions/${name}`, { input });
    expect((await edit(xq, {})).statusCode).toBe(400);
    const outside = await edit(xq, { lng: 116.4, lat: 39.9 });
    expect([outside.statusCode, outside.json().title]).toEqual([400, expect.stringContaining('不在宁夏')]);
    const otherCounty = await edit(xq, { lng: 106.17, lat: 35.61 });
    expect([otherCounty.statusCode, otherCounty.json().title]).toEqual([400, expect.stringContaining('兴庆区')]);
    expect((await edit(ld, { hours: '全天' })).statusCode).toBe(404); // another county does not see it
    const ok = await edit(xq, {
      address: '兴庆区丽景街 88 号',
      lng: 106.31,
      hours: '周一至周六 8:30—18:00',
      services: '社会救助受理、养老服务，儿童关爱',
      brand: '',
      staff: 11,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().state).toBe('in_service');
    const d = (await xq.get(`/api/community/stations/${id}`)).json();
    expect(d).toMatchObject({ address: '兴庆区丽景街 88 号', lng: 106.31, lat: 38.47, hours: '周一至周六 8:30—18:00', brand: null, staff: 11 });
    expect(d.services).toEqual(['社会救助受理', '养老服务', '儿童关爱']);
    const history = (await xq.get(`/api/cases/${id}`)).json();
    expect(JSON.stringify(history)).toContain('修改登记信息');
    // A suspended station is edited the same way; a closed one is not.
    expect((await xq.post(`/api/cases/${id}/transitions/suspend`, { comment: '装修' })).statusCode).toBe(200);
    expect((await edit(xq, { staff: 10 })).statusCode).toBe(409);
    expect((await edit(xq, { staff: 10 }, 'edit_suspended')).statusCode).toBe(200);
    expect((await xq.get(`/api/community/stations/${id}`)).json().staff).toBe(10);
  });
});
