import { describe, expect, it } from 'vitest';
import { backTarget, isRecordPage, originAfter, placeOf, trailFor, type Crumb } from '../../web/staff/app/breadcrumbs.ts';
import { zhCN, type MessageKey } from '../../web/staff/i18n/zh-CN.ts';

const t = (k: MessageKey) => zhCN[k] ?? k;
const text = (crumbs: Crumb[]) => crumbs.map((c) => c.label).join(' › ');

/** The trail under the header, from the modules' menu entries (issue 19). */
describe('breadcrumb trail', () => {
  it('names a menu page under its module, the module once when its list bears its name', () => {
    expect(text(trailFor('/dibao/rechecks', { t }))).toBe('工作台 › 低保救助 › 低保复核');
    expect(text(trailFor('/petitions/settings', { t }))).toBe('工作台 › 信访事项 › 信访设置');
    expect(text(trailFor('/petitions', { t }))).toBe('工作台 › 信访事项');
    expect(text(trailFor('/admin/users', { t }))).toBe('工作台 › 系统管理 › 用户管理');
    expect(trailFor('/', { t })).toEqual([]);
  });

  it('links every item but the page itself', () => {
    const crumbs = trailFor('/petitions/settings', { t });
    expect(crumbs.map((c) => c.to)).toEqual(['/', undefined, undefined]);
  });

  it('puts a case under the module declaring its type, its list linked as the user left it', () => {
    const record = { type: 'petition', refNo: 'XF-640104-2026-000012' };
    const list = '/petitions?state=accepted&page=2';
    const crumbs = trailFor('/cases/abc', { t, record, origin: { from: list, list } });
    expect(text(crumbs)).toBe('工作台 › 信访事项 › XF-640104-2026-000012');
    expect(crumbs[1]!.to).toBe(list);
    expect(backTarget(crumbs, { from: list, list })).toBe(list);
  });

  it('opened directly, a case leads back to the list of its type, else its module’s first list', () => {
    const recheck = trailFor('/cases/abc', { t, record: { type: 'dibao_recheck', refNo: 'DB-1' } });
    expect(text(recheck)).toBe('工作台 › 低保救助 › 低保复核 › DB-1');
    expect(backTarget(recheck, null)).toBe('/dibao/rechecks');
    const application = trailFor('/cases/abc', { t, record: { type: 'dibao', refNo: 'DB-3' } });
    expect(text(application)).toBe('工作台 › 低保救助 › 低保申请 › DB-3');
    expect(backTarget(application, null)).toBe('/dibao');
    expect(text(trailFor('/cases/c', { t, record: { type: 'hall.complaint', refNo: 'TS-1' } }))).toBe('工作台 › 政务服务大厅 › 差评整改 › TS-1');
  });

  it('keeps the list page of the module the case was opened from, not another module’s', () => {
    const record = { type: 'dibao_recheck', refNo: 'DB-2' };
    const fromRechecks = trailFor('/cases/x', { t, record, origin: { from: '/dibao/rechecks?page=3', list: '/dibao/rechecks?page=3' } });
    expect(text(fromRechecks)).toBe('工作台 › 低保救助 › 低保复核 › DB-2');
    expect(fromRechecks[2]!.to).toBe('/dibao/rechecks?page=3');
    const fromPetitions = trailFor('/cases/x', { t, record, origin: { from: '/petitions?page=2', list: '/petitions?page=2' } });
    expect(fromPetitions[2]).toEqual({ label: '低保复核', to: '/dibao/rechecks' });
  });

  it('names a register’s detail page by its header’s title under its list (详情 until the page has one)', () => {
    expect(text(trailFor('/dibao/households/42', { t }))).toBe('工作台 › 低保救助 › 低保家庭 › 详情');
    expect(text(trailFor('/orgs/7', { t, recordTitle: '宁夏慈善总会' }))).toBe('工作台 › 社会组织 › 社会组织名录 › 宁夏慈善总会');
    // A menu page's own title is not a record's.
    expect(text(trailFor('/orgs', { t, recordTitle: '社会组织名录' }))).toBe('工作台 › 社会组织 › 社会组织名录');
    expect(isRecordPage('/dibao/households/42')).toBe(true);
    expect(isRecordPage('/petitions/new')).toBe(false);
    expect(isRecordPage('/cases/1')).toBe(true);
  });

  it('returns to where the user came from, a record carrying the list it was reached from', () => {
    expect(originAfter({ pathname: '/petitions', search: '?page=2', state: null })).toEqual({ from: '/petitions?page=2', list: '/petitions?page=2' });
    const fromCase = originAfter({ pathname: '/cases/a', search: '', state: { from: '/petitions?page=2', list: '/petitions?page=2' } });
    expect(fromCase).toEqual({ from: '/cases/a', list: '/petitions?page=2' });
    // The workbench is no list: a case opened from it falls back to its module's list in the trail.
    expect(originAfter({ pathname: '/', search: '', state: { list: '/petitions?page=2' } })).toEqual({ from: '/' });
    const crumbs = trailFor('/cases/b', { t, record: { type: 'petition', refNo: 'XF-2' }, origin: { from: '/' } });
    expect(crumbs[1]!.to).toBe('/petitions');
    expect(backTarget(crumbs, { from: '/' })).toBe('/');
  });
});

/** The menu highlights the page the trail names (NavMenu's `selected`): one rule, placeOf. */
describe('the menu page a page belongs to', () => {
  const menuPath = (pathname: string, place: Parameters<typeof placeOf>[1] = {}) => placeOf(pathname, place)?.entry.path;

  it('puts a 信访 case under 信访事项, not the 工作台 it was opened from', () => {
    const record = { type: 'petition', refNo: 'XF-1' };
    expect(menuPath('/cases/a', { record, origin: { from: '/' } })).toBe('/petitions');
    expect(menuPath('/cases/a', { record })).toBe('/petitions');
    expect(menuPath('/cases/a', { record: { type: 'community_station', refNo: 'SQZ-1' } })).toBe('/community/stations');
  });

  it('keeps the list the case was opened from when it is the module’s, as the trail links it', () => {
    const record = { type: 'dibao_recheck', refNo: 'DB-3' };
    const origin = { from: '/dibao/rechecks?page=3', list: '/dibao/rechecks?page=3' };
    expect(menuPath('/cases/x', { record, origin })).toBe('/dibao/rechecks');
    expect(menuPath('/cases/x', { record, origin: { from: '/petitions', list: '/petitions' } })).toBe('/dibao/rechecks');
  });

  it('before the case has loaded, only the list it was opened from; nothing when opened from the 工作台', () => {
    expect(menuPath('/cases/x', { origin: { from: '/petitions?page=2', list: '/petitions?page=2' } })).toBe('/petitions');
    expect(menuPath('/cases/x', { origin: { from: '/' } })).toBeUndefined();
  });

  it('a menu page is its own, a page under it its list’s (the longest match)', () => {
    expect(menuPath('/petitions/settings')).toBe('/petitions/settings');
    expect(menuPath('/dibao/households/42')).toBe('/dibao/households');
    expect(menuPath('/admin/users')).toBe('/admin/users');
    expect(menuPath('/profile')).toBeUndefined();
  });
});
