import { describe, expect, it } from 'vitest';
import { residentIdCheckChar, upgradeLegacyResidentId, validateResidentId } from './resident-id.ts';

const TODAY = { today: '2025-06-15' };
/** Builds a full 18-digit ID with a correct check char. */
const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);

describe('residentIdCheckChar', () => {
  it('reproduces the GB 11643 sample 11010519491231002X (S=167 → X)', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });
  it('returns null for non-digit input', () => {
    expect(residentIdCheckChar('1101051949123100A')).toBeNull();
  });
});

describe('validateResidentId — vectors from regulations.md §3.4', () => {
  it('decodes the standard sample, accepting a lower-case x', () => {
    expect(validateResidentId('11010519491231002x', TODAY)).toEqual({
      valid: true,
      id: '11010519491231002X',
      parts: { areaCode: '110105', provinceName: '北京市', birthDate: '1949-12-31', sex: '女', age: 75, legacy: false },
    });
  });

  it('decodes the synthetic Ningxia IDs with area names', () => {
    expect(validateResidentId('640104198001011235', TODAY)).toMatchObject({
      valid: true,
      parts: { areaCode: '640104', areaName: '兴庆区', provinceName: '宁夏回族自治区', birthDate: '1980-01-01', sex: '男', age: 45 },
    });
    expect(validateResidentId('640423199006150023', TODAY)).toMatchObject({
      valid: true,
      parts: { areaName: '隆德县', birthDate: '1990-06-15', sex: '女', age: 35 },
    });
  });

  it('computes age relative to the birthday (day before → one less)', () => {
    const r = validateResidentId('640423199006150023', { today: '2025-06-14' });
    expect(r.valid && r.parts.age).toBe(34);
  });

  it.each(['11010519491231002X', '640104198001011235', '640423199006150023'])(
    '%s with the check char corrupted → CHECK_CHAR naming the expected char',
    (id) => {
      const bad = id.slice(0, 17) + (id[17] === '5' ? '6' : '5');
      const r = validateResidentId(bad, TODAY);
      expect(r).toMatchObject({ valid: false, reasonCode: 'CHECK_CHAR', expected: id[17] });
      if (!r.valid) expect(r.reason).toContain(`应为 ${id[17]}`);
    },
  );

  it.each(['11010519491231002X', '640104198001011235', '640423199006150023'])('%s with a sequence digit corrupted → CHECK_CHAR', (id) => {
    const bad = id.slice(0, 15) + ((+id[15] + 1) % 10) + id.slice(16);
    expect(validateResidentId(bad, TODAY)).toMatchObject({ valid: false, reasonCode: 'CHECK_CHAR' });
  });
});

describe('validateResidentId — rejections', () => {
  it.each(['', '64010419800101123', '6401041980010112355', '64010419800101123Y', '6401041980010112X5'])('rejects malformed %j', (id) => {
    expect(validateResidentId(id, TODAY)).toMatchObject({ valid: false, reasonCode: 'FORMAT' });
  });

  it('rejects an impossible birth date such as 19900230', () => {
    const r = validateResidentId(withCheck('64010419900230123'), TODAY);
    expect(r).toMatchObject({ valid: false, reasonCode: 'BIRTH_DATE' });
    if (!r.valid) expect(r.reason).toContain('19900230');
  });

  it('accepts 29 February only in leap years', () => {
    expect(validateResidentId(withCheck('64010420000229123'), TODAY).valid).toBe(true);
    expect(validateResidentId(withCheck('64010419000229123'), TODAY)).toMatchObject({ reasonCode: 'BIRTH_DATE' });
  });

  it('rejects birth dates in the future and before 1900', () => {
    expect(validateResidentId(withCheck('64010420250616123'), TODAY)).toMatchObject({ reasonCode: 'BIRTH_DATE_FUTURE' });
    expect(validateResidentId(withCheck('64010420250615123'), TODAY).valid).toBe(true);
    expect(validateResidentId(withCheck('64010418991231123'), TODAY)).toMatchObject({
      reasonCode: 'BIRTH_DATE_TOO_EARLY',
    });
  });

  it('rejects an address code with an unknown province prefix', () => {
    expect(validateResidentId(withCheck('99010419800101123'), TODAY)).toMatchObject({ reasonCode: 'AREA_CODE' });
  });

  it('throws on a malformed today option (programming error)', () => {
    expect(() => validateResidentId('640104198001011235', { today: '2025-02-30' })).toThrow(RangeError);
  });
});

describe('legacy 15-digit IDs', () => {
  it('upgrades 110105491231002 to the standard sample', () => {
    expect(upgradeLegacyResidentId('110105491231002')).toBe('11010519491231002X');
  });
  it('returns null for malformed or impossible input', () => {
    expect(upgradeLegacyResidentId('11010549123100')).toBeNull();
    expect(upgradeLegacyResidentId('110105490230002')).toBeNull();
  });
  it('validates a 15-digit ID and reports the upgraded form', () => {
    expect(validateResidentId('640104800101123', TODAY)).toMatchObject({
      valid: true,
      parts: { birthDate: '1980-01-01', sex: '男', legacy: true, upgradedId: withCheck('64010419800101123') },
    });
  });
});

describe('MOD 11-2 properties (seeded random)', () => {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const digit = () => String(Math.floor(next() * 10));

  it('random valid IDs validate; every single-digit substitution is detected', () => {
    const areas = ['640104', '640423', '640521', '110105', '350203'];
    for (let n = 0; n < 300; n++) {
      const birth = new Date(Date.UTC(1900, 0, 1) + Math.floor(next() * 45_000) * 86_400_000);
      const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
      const id = withCheck(areas[n % areas.length] + ymd + digit() + digit() + digit());
      expect(validateResidentId(id, TODAY).valid).toBe(true);
      for (let pos = 0; pos < 18; pos++) {
        for (const c of '0123456789X') {
          if (c === id[pos] || (c === 'X' && pos < 17)) continue;
          expect(validateResidentId(id.slice(0, pos) + c + id.slice(pos + 1), TODAY).valid).toBe(false);
        }
      }
    }
  });

  it('the check char alone changes for every single-digit substitution of a random body', () => {
    for (let n = 0; n < 500; n++) {
      let body = '';
      for (let i = 0; i < 17; i++) body += digit();
      const check = residentIdCheckChar(body);
      const pos = n % 17;
      const d = String((+body[pos] + 1 + Math.floor(next() * 9)) % 10);
      expect(residentIdCheckChar(body.slice(0, pos) + d + body.slice(pos + 1))).not.toBe(check);
    }
  });
});
