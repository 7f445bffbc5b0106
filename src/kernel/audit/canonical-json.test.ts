import { describe, expect, it } from 'vitest';
import { canonicalJson, toJsonValue } from './canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('is the same for the same content in any key order (jsonb reorders keys)', () => {
    expect(canonicalJson({ name: '银川', code: '640100', level: 2 })).toBe(canonicalJson({ level: 2, code: '640100', name: '银川' }));
  });

  it('orders keys by UTF-16 code units, as RFC 8785', () => {
    expect(canonicalJson({ a: 1, B: 2, 中: 3, é: 4, _: 5 })).toBe('{"B":2,"_":5,"a":1,"é":4,"中":3}');
  });

  it('writes Dates as ISO strings with milliseconds', () => {
    expect(canonicalJson({ at: new Date(Date.UTC(2026, 10, 29, 1, 2, 3, 4)) })).toBe('{"at":"2026-11-29T01:02:03.004Z"}');
  });

  it('drops undefined, functions and symbols in objects and nulls them in arrays', () => {
    expect(canonicalJson({ a: undefined, b: () => 1, c: Symbol('s'), d: null })).toBe('{"d":null}');
    expect(canonicalJson([undefined, 1, () => 1])).toBe('[null,1,null]');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('writes numbers as JavaScript does, non-finite as null, bigint as a string', () => {
    expect(canonicalJson([0.1, -0, 1e21, 1e-7, 2 ** 60, NaN, Infinity, 12n])).toBe('[0.1,0,1e+21,1e-7,1152921504606847000,null,null,"12"]');
  });

  it('uses toJSON like JSON.stringify', () => {
    expect(canonicalJson({ v: { toJSON: () => ({ y: 1, x: 2 }) } })).toBe('{"v":{"x":2,"y":1}}');
  });

  it('replaces what PostgreSQL cannot store (U+0000, lone surrogates) in values and keys', () => {
    expect(canonicalJson({ ['k\u0000']: 'a\u0000b\ud800' })).toBe('{"k\uFFFD":"a\uFFFDb\uFFFD"}');
    expect(canonicalJson('😀')).toBe('"😀"');
  });

  it('refuses circular structures but allows shared ones', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/circular/);
  });

  it('is a fixed point: canonical form of the parsed canonical form is itself', () => {
    const samples: unknown[] = [
      { z: [1, 2.5, { b: true, a: null }], y: '引号"与\\反斜杠\n换行', x: new Date(0), w: undefined },
      [[], {}, '', 0, -1.25e-10],
      '银川市兴庆区',
    ];
    for (const s of samples) {
      const c = canonicalJson(s);
      expect(canonicalJson(JSON.parse(c))).toBe(c);
      expect(canonicalJson(toJsonValue(s))).toBe(c);
    }
  });

  it('describes the same value JSON.stringify does', () => {
    const v = { b: [1, 'x', { d: new Date(5), c: undefined }], a: { n: null } };
    expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
  });
});
