import { describe, expect, it } from 'vitest';
import type { AuditEventRow } from './contract.ts';
import { chainFor, CHECKPOINT_GENESIS, checkpointHash, eventHash, genesisHash, sm3Hex, systemHeadHash } from './hash.ts';

const base: Omit<AuditEventRow, 'hash'> = {
  chain_id: 3,
  seq: 7,
  id: '01900000-0000-7000-8000-000000000001',
  at: new Date('2026-11-29T08:00:00.123Z'),
  actor_id: '01900000-0000-7000-8000-0000000000aa',
  actor_name: '张三(zhangsan)',
  org_unit_id: null,
  area_code: '640104',
  area_path: '640000.640100.640104',
  action: 'user.update',
  entity_type: 'user',
  entity_id: 'u1',
  before: { name: '张三', phone: '139****0000' },
  after: { name: '张叁' },
  reason: '更正姓名',
  client_ip: '10.0.0.8',
  prev_id: null,
  prev_hash: genesisHash(3),
};

describe('sm3Hex', () => {
  it('matches the GM/T 0004 test vector for "abc"', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
});

describe('genesis and chain choice', () => {
  it('gives each chain its own genesis hash', () => {
    expect(genesisHash(0)).not.toBe(genesisHash(1));
    expect(genesisHash(5)).toBe(sm3Hex('minzheng-audit-genesis:5'));
    expect(CHECKPOINT_GENESIS).toBe(sm3Hex('minzheng-audit-checkpoint-genesis'));
  });

  it('puts an entity on the same chain every time, within range, spread over all chains', () => {
    expect(chainFor('user', 'u1', 16)).toBe(chainFor('user', 'u1', 16));
    const counts = new Array(16).fill(0) as number[];
    for (let i = 0; i < 1600; i++) {
      const c = chainFor('case', `c${i}`, 16);
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThan(16);
      counts[c]!++;
    }
    expect(Math.min(...counts)).toBeGreaterThan(50);
    expect(chainFor('a', 'bc', 1000)).not.toBe(chainFor('ab', 'c', 1000));
  });
});

describe('eventHash', () => {
  const h = eventHash(base);

  it('is SM3 hex and deterministic', () => {
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash({ ...base })).toBe(h);
  });

  it('does not depend on the key order or number spelling of before/after (jsonb normalises both)', () => {
    expect(eventHash({ ...base, before: { phone: '139****0000', name: '张三' } })).toBe(h);
    expect(eventHash({ ...base, after: JSON.parse('{"name":"张叁"}') })).toBe(h);
    const n = eventHash({ ...base, after: { amount: 1.5e2 } });
    expect(eventHash({ ...base, after: JSON.parse('{"amount": 150.0}') })).toBe(n);
  });

  it('treats missing before/after as null', () => {
    expect(eventHash({ ...base, before: undefined })).toBe(eventHash({ ...base, before: null }));
  });

  it('changes when any column or the previous hash changes', () => {
    const changes: Partial<Omit<AuditEventRow, 'hash'>>[] = [
      { chain_id: 4 },
      { seq: 8 },
      { id: '01900000-0000-7000-8000-000000000002' },
      { at: new Date(base.at.getTime() + 1) },
      { actor_id: null },
      { actor_name: '李四(lisi)' },
      { org_unit_id: '01900000-0000-7000-8000-0000000000bb' },
      { area_code: '640100' },
      { area_path: '640000.640100' },
      { action: 'user.delete' },
      { entity_type: 'role' },
      { entity_id: 'u2' },
      { before: { name: '张三', phone: '139****0001' } },
      { after: null },
      { reason: null },
      { client_ip: '10.0.0.9' },
      { prev_id: '01900000-0000-7000-8000-000000000000' },
      { prev_hash: genesisHash(4) },
    ];
    const hashes = new Set(changes.map((c) => eventHash({ ...base, ...c })));
    expect(hashes.size).toBe(changes.length);
    expect(hashes.has(h)).toBe(false);
  });
});

describe('checkpoint hashes', () => {
  const heads = [
    { chain: 1, seq: 4, hash: 'b'.repeat(64), id: null },
    { chain: 0, seq: 2, hash: 'a'.repeat(64), id: null },
  ];

  it('system head ignores row order and ids but not seq or hash', () => {
    expect(systemHeadHash(heads)).toBe(systemHeadHash([...heads].reverse()));
    expect(systemHeadHash(heads)).toBe(systemHeadHash(heads.map((x) => ({ ...x, id: 'x' }))));
    expect(systemHeadHash(heads)).not.toBe(systemHeadHash([{ ...heads[0]!, seq: 5 }, heads[1]!]));
  });

  it('chains to the previous checkpoint', () => {
    const at = new Date('2026-11-29T00:00:00Z');
    const a = checkpointHash(CHECKPOINT_GENESIS, { seq: 1, at, heads });
    expect(checkpointHash(CHECKPOINT_GENESIS, { seq: 1, at, heads })).toBe(a);
    expect(checkpointHash(a, { seq: 1, at, heads })).not.toBe(a);
  });
});
