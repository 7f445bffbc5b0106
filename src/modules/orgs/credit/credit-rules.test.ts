import { describe, expect, it } from 'vitest';
import { automaticMoves, eligibility, removalProblem, type Listing, type OrgFacts } from './credit-rules.ts';

const org: OrgFacts = { status: 'normal', statusOn: null, registeredOn: '2015-01-01', rating: null, ratingFrom: null, ratingUntil: null };
const L = (over: Partial<Listing>): Listing => ({
  id: 'l1',
  list: 'abnormal',
  reason: 'unreachable',
  obligation: false,
  listedOn: '2020-01-10',
  obligationMetOn: null,
  removedOn: null,
  ...over,
});

describe('credit consequences', () => {
  it('the blacklist bars all three purposes while in force, not before or after', () => {
    const s = [L({ list: 'serious', reason: 'major_fine', listedOn: '2020-03-01', removedOn: '2022-03-05' })];
    for (const p of ['purchase', 'grant', 'award'] as const) expect(eligibility(org, s, '2021-01-01', p).eligible).toBe(false);
    expect(eligibility(org, s, '2021-01-01', 'grant').reasons[0]!.text).toContain('严重违法失信名单');
    expect(eligibility(org, s, '2020-02-28', 'grant').eligible).toBe(true);
    expect(eligibility(org, s, '2022-03-05', 'grant').eligible).toBe(true);
  });

  it('诚信缺失 bars government purchase for three years only', () => {
    const s = [L({ list: 'integrity_lapse', reason: 'inspection_failed', listedOn: '2019-06-30' })];
    expect(eligibility(org, s, '2022-06-29', 'purchase')).toMatchObject({ eligible: false });
    expect(eligibility(org, s, '2022-06-30', 'purchase').eligible).toBe(true);
    expect(eligibility(org, s, '2020-01-01', 'grant').eligible).toBe(true);
  });

  it('3A and above valid on the date is preferred; an abnormal listing is a note, not a bar', () => {
    const rated = { ...org, rating: '4A' as const, ratingFrom: '2019-01-01', ratingUntil: '2023-12-31' };
    expect(eligibility(rated, [], '2020-05-01', 'grant')).toMatchObject({ eligible: true, preferred: true });
    expect(eligibility(rated, [], '2024-01-01', 'grant').preferred).toBe(false);
    expect(eligibility({ ...rated, rating: '2A' }, [], '2020-05-01', 'grant').preferred).toBe(false);
    const e = eligibility(org, [L({})], '2020-05-01', 'award');
    expect(e.eligible).toBe(true);
    expect(e.reasons[0]).toMatchObject({ effect: 'note' });
  });

  it('a deregistered or not yet registered organization is barred', () => {
    expect(eligibility({ ...org, status: 'deregistered', statusOn: '2020-01-01' }, [], '2020-01-02', 'award').eligible).toBe(false);
    expect(eligibility({ ...org, status: 'deregistered', statusOn: '2020-01-01' }, [], '2019-12-31', 'award').eligible).toBe(true);
    expect(eligibility(org, [], '2014-12-31', 'award').eligible).toBe(false);
  });
});

describe('automatic list moves', () => {
  it('removes an abnormal listing without obligation six months after listing', () => {
    expect(automaticMoves([L({})], '2020-07-09')).toEqual([]);
    expect(automaticMoves([L({})], '2020-07-10')).toEqual([expect.objectContaining({ kind: 'remove_abnormal', listingIds: ['l1'], removedOn: '2020-07-10' })]);
  });

  it('a sweep catching up after a long gap removes on the six-month day rather than blacklisting', () => {
    expect(automaticMoves([L({})], '2026-12-01')).toEqual([expect.objectContaining({ kind: 'remove_abnormal', removedOn: '2020-07-10' })]);
  });

  it('a new listing restarts the six months', () => {
    const s = [L({}), L({ id: 'l2', listedOn: '2020-05-01' })];
    expect(automaticMoves(s, '2020-07-10')).toEqual([]);
    expect(automaticMoves(s, '2020-11-01')).toEqual([expect.objectContaining({ kind: 'remove_abnormal', listingIds: ['l1', 'l2'] })]);
  });

  it('keeps a listing with an unmet obligation and moves it to the blacklist after two years', () => {
    const s = [L({ reason: 'annual_report', obligation: true })];
    expect(automaticMoves(s, '2021-06-01')).toEqual([]);
    expect(automaticMoves(s, '2022-01-09')).toEqual([]);
    expect(automaticMoves(s, '2022-01-10')).toEqual([expect.objectContaining({ kind: 'to_serious', listedOn: '2022-01-10' })]);
    // a catch-up after a gap moves only what was in force on the anniversary; a later listing stays on the abnormal list
    const late = [...s, L({ id: 'l9', reason: 'annual_report', obligation: true, listedOn: '2023-06-02' })];
    expect(automaticMoves(late, '2023-07-01')).toEqual([expect.objectContaining({ kind: 'to_serious', listedOn: '2022-01-10', listingIds: ['l1'] })]);
    // a met obligation lets the six-month rule apply
    expect(automaticMoves([L({ reason: 'annual_report', obligation: true, obligationMetOn: '2020-03-01' })], '2020-07-10')[0]!.kind).toBe('remove_abnormal');
  });

  it('checks manual removals', () => {
    expect(removalProblem(L({ reason: 'annual_report', obligation: true }), '2020-02-01', false, org)).toContain('履行义务');
    expect(removalProblem(L({ reason: 'annual_report', obligation: true }), '2020-02-01', true, org)).toBeNull();
    const s = L({ list: 'serious', reason: 'major_fine', listedOn: '2020-03-01' });
    expect(removalProblem(s, '2022-02-28', true, org)).toContain('满2年');
    expect(removalProblem(s, '2022-03-01', false, org)).toBeNull();
    expect(removalProblem(L({ list: 'serious', reason: 'revocation' }), '2030-01-01', true, org)).toContain('注销');
  });
});
