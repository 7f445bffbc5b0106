import { describe, expect, it } from 'vitest';
import { orgCodeCheckChar } from './org-code.ts';
import { USCC_CHARSET, USCC_DEPARTMENTS, usccCheckChar, validateUscc } from './uscc.ts';
import { mulberry32 } from '../sampling/index.ts';

// Real codes from regulations.md §3.2 plus the synthetic Ningxia codes.
const REAL_VALID = [
  '53100000500009167K',
  '53120000550362081K',
  '531200005534379666',
  '5312000066881918XP',
  '53120000MJ06658532',
  '53120000MJ0666370M',
  '53120000MJ066800XM',
  '53120000MJY0452261',
  '53120000MJ067440X7',
  '91350200776049653A',
  '91350500798359476R',
  '913502000728319549',
  '9135021359498494XQ',
  '91350213678251743X',
  '123502001549897397',
  '51640000MJ0000018X',
  '52640221MJ0000026D',
  '53640000MJ0000034D',
];

/** Replaces char i with the next charset symbol (always a different, allowed char). */
function corrupt(code: string, i: number): string {
  const next = USCC_CHARSET[(USCC_CHARSET.indexOf(code[i]) + 1) % USCC_CHARSET.length];
  return code.slice(0, i) + next + code.slice(i + 1);
}

describe('usccCheckChar', () => {
  it('reproduces the worked example 53100000500009167K (Σ=725 → K)', () => {
    expect(usccCheckChar('53100000500009167')).toBe('K');
  });
  it('returns null for chars outside the charset or wrong length', () => {
    expect(usccCheckChar('5310000050000916O')).toBeNull();
    expect(usccCheckChar('531')).toBeNull();
  });
});

describe('validateUscc — real and synthetic vectors', () => {
  it.each(REAL_VALID)('%s is valid', (code) => {
    expect(validateUscc(code)).toMatchObject({ valid: true, code });
  });

  it.each(REAL_VALID)('%s with its check char corrupted → CHECK_CHAR', (code) => {
    const r = validateUscc(corrupt(code, 17));
    expect(r).toMatchObject({ valid: false, reasonCode: 'CHECK_CHAR', expected: code[17] });
    if (!r.valid) expect(r.reason).toContain(`应为 ${code[17]}`);
  });

  it.each(REAL_VALID)('%s with a body char corrupted → CHECK_CHAR', (code) => {
    expect(validateUscc(corrupt(code, 12))).toMatchObject({ valid: false, reasonCode: 'CHECK_CHAR' });
  });

  it('decodes the parts of a Ningxia foundation code', () => {
    expect(validateUscc('53640000MJ0000034D')).toEqual({
      valid: true,
      code: '53640000MJ0000034D',
      parts: {
        departmentCode: '5',
        departmentName: '民政',
        typeCode: '3',
        typeName: '基金会',
        areaCode: '640000',
        areaName: '宁夏回族自治区',
        orgCode: 'MJ000003-4',
        checkChar: 'D',
      },
    });
  });

  it('decodes county-level registration and the national 100000 area', () => {
    const county = validateUscc('52640221MJ0000026D');
    expect(county.valid && county.parts).toMatchObject({
      typeName: '民办非企业单位',
      areaName: '宁夏回族自治区 石嘴山市 平罗县',
      orgCode: 'MJ000002-6',
    });
    const national = validateUscc('53100000500009167K');
    expect(national.valid && national.parts).toMatchObject({ areaCode: '100000', areaName: '国家级' });
  });

  it('upper-cases lower-case input and trims spaces', () => {
    expect(validateUscc(' 53640000mj0000034d ')).toMatchObject({ valid: true, code: '53640000MJ0000034D' });
  });
});

describe('validateUscc — rejections', () => {
  it('rejects the demo placeholder 53100000MJ0000000X', () => {
    expect(validateUscc('53100000MJ0000000X')).toMatchObject({ valid: false, reasonCode: 'CHECK_CHAR', expected: 'U' });
  });

  it('rejects wrong length', () => {
    expect(validateUscc('53640000MJ000003')).toMatchObject({ valid: false, reasonCode: 'FORMAT' });
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('rejects the forbidden letter %s', (ch) => {
    const r = validateUscc(`53640000MJ00000${ch}4D`);
    expect(r).toMatchObject({ valid: false, reasonCode: 'FORMAT' });
    if (!r.valid) expect(r.reason).toContain(`第16位含有字母 ${ch}`);
  });

  it('rejects non-digits in the area segment', () => {
    expect(validateUscc('5364A000MJ0000034D')).toMatchObject({ valid: false, reasonCode: 'FORMAT' });
  });

  it('rejects an unknown department and a type not in the department', () => {
    const badDept = 'B3640000MJ000003';
    expect(validateUscc(`${badDept}4${usccCheckChar(`${badDept}4`)}`)).toMatchObject({ reasonCode: 'DEPT_TYPE' });
    const badType = '54640000MJ0000034';
    const r = validateUscc(badType + usccCheckChar(badType));
    expect(r).toMatchObject({ valid: false, reasonCode: 'DEPT_TYPE' });
    if (!r.valid) expect(r.reason).toContain('民政');
  });

  it('rejects a malformed registering-authority area code', () => {
    const body = '53990000MJ0000034';
    expect(validateUscc(body + usccCheckChar(body))).toMatchObject({ valid: false, reasonCode: 'AREA_CODE' });
  });

  it('rejects an embedded org code whose GB 11714 check fails even if the MOD 31 check passes', () => {
    const body = '53640000MJ0000035'; // correct org check char would be 4
    const r = validateUscc(body + usccCheckChar(body));
    expect(r).toMatchObject({ valid: false, reasonCode: 'ORG_CODE_CHECK', expected: '4' });
  });

  it.each(['91350100M0001TGQXM', '91350203M0001QAY9B'])('flags the early Fujian pilot code %s', (code) => {
    const r = validateUscc(code);
    expect(r).toMatchObject({ valid: false, reasonCode: 'CHECK_CHAR' });
    if (!r.valid) {
      expect(r.warning).toContain('早期试点');
      expect(r.reason).toContain('早期试点');
    }
  });

  it('does not add the pilot warning to ordinary check failures', () => {
    const r = validateUscc(corrupt('91350200776049653A', 17));
    expect(!r.valid && r.warning).toBeFalsy();
  });
});

describe('validateUscc — properties (seeded random)', () => {
  const random = mulberry32(20240601);
  const pick = (s: string) => s[Math.floor(random() * s.length)];
  const areas = ['640000', '640100', '640221', '640502', '110000', '350203', '100000'];
  const pairs = Object.entries(USCC_DEPARTMENTS).flatMap(([d, dept]) => Object.keys(dept.types).map((t) => d + t));

  it('random well-formed bodies validate; every single-char substitution is rejected', () => {
    for (let n = 0; n < 300; n++) {
      let orgBody = '';
      for (let i = 0; i < 8; i++) orgBody += pick(USCC_CHARSET);
      const head = pairs[Math.floor(random() * pairs.length)] + areas[Math.floor(random() * areas.length)];
      const first17 = head + orgBody + orgCodeCheckChar(orgBody);
      const code = first17 + usccCheckChar(first17);
      expect(validateUscc(code).valid).toBe(true);
      const pos = Math.floor(random() * 18);
      let ch = pick(USCC_CHARSET);
      while (ch === code[pos]) ch = pick(USCC_CHARSET);
      expect(validateUscc(code.slice(0, pos) + ch + code.slice(pos + 1)).valid).toBe(false);
    }
  });

  it('MOD 31-3 detects every single-char substitution in any 17-char body', () => {
    for (let n = 0; n < 200; n++) {
      let body = '';
      for (let i = 0; i < 17; i++) body += pick(USCC_CHARSET);
      const check = usccCheckChar(body);
      for (let pos = 0; pos < 17; pos++) {
        for (const ch of USCC_CHARSET) {
          if (ch === body[pos]) continue;
          expect(usccCheckChar(body.slice(0, pos) + ch + body.slice(pos + 1))).not.toBe(check);
        }
      }
    }
  });
});
