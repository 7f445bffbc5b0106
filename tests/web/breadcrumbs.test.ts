import { describe, expect, it } from 'vitest';
import { backTarget, isRecordPage, originAfter, trailFor, type Crumb } from '../../web/staff/app/breadcrumbs.ts';
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

  it('opened directly, a case leads back to its module’s list', () => {
    const crumbs = trailFor('/cases/abc', { t, record: { type: 'dibao_recheck', refNo: 'DB-1' } });
    expect(text(crumbs)).toBe('工作台 › 低保救助 › 低保申请 › DB-1');
    expect(backTarget(crumbs, null)).toBe('/dibao');
  });

  it('keeps the list page of the module the case was opened from, not another module’s', () => {
    const record = { type: 'dibao_recheck', refNo: 'DB-2' };
    const fromRechecks = trailFor('/cases/x', { t, record, origin: { from: '/dibao/rechecks?page=3', list: '/dibao/rechecks?page=3' } });
    expect(text(fromRechecks)).toBe('工作台 › 低保救助 › 低保复核 › DB-2');
    expect(fromRechecks[2]!.to).toBe('/dibao/rechecks?page=3');
    const fromPetitions = trailFor('/cases/x', { t, record, origin: { from: '/petitions?page=2', list: '/petitions?page=2' } });
    expect(fromPetitions[2]).toEqual({ label: '低保申请', to: '/dibao' });
  });

  it('names a register’s detail page 详情 under its list', () => {
    expect(text(trailFor('/dibao/households/42', { t }))).toBe('工作台 › 低保救助 › 低保家庭 › 详情');
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
