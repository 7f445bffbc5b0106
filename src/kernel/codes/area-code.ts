// GB/T 2260 administrative division codes (6 digits: province 2 + city 2 + county 2).
// Built-in names: the 34 province-level units and the Ningxia table from regulations.md §3.5.

export type AreaLevel = '省级' | '地级' | '县级';
export type NingxiaDivision = '自治区' | '地级市' | '区' | '县' | '县级市';

export type NingxiaArea = {
  readonly code: string;
  readonly name: string;
  readonly level: AreaLevel;
  readonly division: NingxiaDivision;
};

/** Extra names supplied by the caller (e.g. a full GB/T 2260 table loaded from the database). */
export type KnownAreas = ReadonlyMap<string, { readonly name: string; readonly level: string }>;

export type AreaCodeReasonCode = 'FORMAT' | 'PROVINCE' | 'STRUCTURE';

export type AreaCodeResult =
  | {
      valid: true;
      code: string;
      level: AreaLevel;
      name?: string;
      division?: NingxiaDivision;
      provinceCode: string;
      provinceName?: string;
      cityCode?: string;
      cityName?: string;
      parentCode?: string;
      note?: string;
    }
  | { valid: false; code: string; reason: string; reasonCode: AreaCodeReasonCode };

const nx = (code: string, name: string, division: NingxiaDivision): NingxiaArea =>
  Object.freeze({
    code,
    name,
    division,
    level: division === '自治区' ? '省级' : division === '地级市' ? '地级' : '县级',
  });

/** 宁夏回族自治区: 1 province, 5 prefecture-level cities, 22 county-level units (§3.5). */
export const NINGXIA_AREAS: readonly NingxiaArea[] = Object.freeze([
  nx('640000', '宁夏回族自治区', '自治区'),
  nx('640100', '银川市', '地级市'),
  nx('640104', '兴庆区', '区'),
  nx('640105', '西夏区', '区'),
  nx('640106', '金凤区', '区'),
  nx('640121', '永宁县', '县'),
  nx('640122', '贺兰县', '县'),
  nx('640181', '灵武市', '县级市'),
  nx('640200', '石嘴山市', '地级市'),
  nx('640202', '大武口区', '区'),
  nx('640205', '惠农区', '区'),
  nx('640221', '平罗县', '县'),
  nx('640300', '吴忠市', '地级市'),
  nx('640302', '利通区', '区'),
  nx('640303', '红寺堡区', '区'),
  nx('640323', '盐池县', '县'),
  nx('640324', '同心县', '县'),
  nx('640381', '青铜峡市', '县级市'),
  nx('640400', '固原市', '地级市'),
  nx('640402', '原州区', '区'),
  nx('640422', '西吉县', '县'),
  nx('640423', '隆德县', '县'),
  nx('640424', '泾源县', '县'),
  nx('640425', '彭阳县', '县'),
  nx('640500', '中卫市', '地级市'),
  nx('640502', '沙坡头区', '区'),
  nx('640521', '中宁县', '县'),
  nx('640522', '海原县', '县'),
]);

const NINGXIA_BY_CODE: ReadonlyMap<string, NingxiaArea> = new Map(NINGXIA_AREAS.map((a) => [a.code, a]));

/** Province-level prefixes (first two digits) of GB/T 2260 and their names. */
export const PROVINCE_NAMES: ReadonlyMap<string, string> = new Map([
  ['11', '北京市'],
  ['12', '天津市'],
  ['13', '河北省'],
  ['14', '山西省'],
  ['15', '内蒙古自治区'],
  ['21', '辽宁省'],
  ['22', '吉林省'],
  ['23', '黑龙江省'],
  ['31', '上海市'],
  ['32', '江苏省'],
  ['33', '浙江省'],
  ['34', '安徽省'],
  ['35', '福建省'],
  ['36', '江西省'],
  ['37', '山东省'],
  ['41', '河南省'],
  ['42', '湖北省'],
  ['43', '湖南省'],
  ['44', '广东省'],
  ['45', '广西壮族自治区'],
  ['46', '海南省'],
  ['50', '重庆市'],
  ['51', '四川省'],
  ['52', '贵州省'],
  ['53', '云南省'],
  ['54', '西藏自治区'],
  ['61', '陕西省'],
  ['62', '甘肃省'],
  ['63', '青海省'],
  ['64', '宁夏回族自治区'],
  ['65', '新疆维吾尔自治区'],
  ['71', '台湾省'],
  ['81', '香港特别行政区'],
  ['82', '澳门特别行政区'],
]);

function lookupName(code: string, known?: KnownAreas): string | undefined {
  const fromCaller = known?.get(code)?.name;
  if (fromCaller) return fromCaller;
  const fromNingxia = NINGXIA_BY_CODE.get(code)?.name;
  if (fromNingxia) return fromNingxia;
  return code.endsWith('0000') ? PROVINCE_NAMES.get(code.slice(0, 2)) : undefined;
}

/** Validates a 6-digit GB/T 2260 code and decodes its level, parents and (when known) names. */
export function validateAreaCode(input: string, known?: KnownAreas): AreaCodeResult {
  const code = String(input ?? '').trim();
  if (!/^\d{6}$/.test(code)) {
    return { valid: false, code, reasonCode: 'FORMAT', reason: `行政区划代码应为6位数字，实为“${code}”` };
  }
  const prov = code.slice(0, 2);
  const city = code.slice(2, 4);
  const county = code.slice(4, 6);
  if (!PROVINCE_NAMES.has(prov)) {
    return { valid: false, code, reasonCode: 'PROVINCE', reason: `前两位 ${prov} 不是有效的省级行政区划代码` };
  }
  if (city === '00' && county !== '00') {
    return {
      valid: false,
      code,
      reasonCode: 'STRUCTURE',
      reason: `结构错误：地级码为 00 时县级码必须为 00，实为 ${county}`,
    };
  }
  const level: AreaLevel = city === '00' ? '省级' : county === '00' ? '地级' : '县级';
  const provinceCode = `${prov}0000`;
  const cityCode = level === '县级' ? `${prov}${city}00` : undefined;
  const parentCode = level === '县级' ? cityCode : level === '地级' ? provinceCode : undefined;
  const name = lookupName(code, known);
  const result: AreaCodeResult = { valid: true, code, level, provinceCode };
  if (parentCode) result.parentCode = parentCode;
  if (name) result.name = name;
  const division = NINGXIA_BY_CODE.get(code)?.division;
  if (division) result.division = division;
  const provinceName = lookupName(provinceCode, known);
  if (provinceName) result.provinceName = provinceName;
  if (cityCode) {
    result.cityCode = cityCode;
    const cityName = lookupName(cityCode, known);
    if (cityName) result.cityName = cityName;
  }
  if (!name) {
    result.note = prov === '64' ? '格式正确，但不在内置宁夏现行区划表中（可能为已撤销区划或市辖区汇总代码）' : '格式正确，不在内置宁夏区划表中';
  }
  return result;
}

/** Human-readable path, e.g. "宁夏回族自治区 石嘴山市 平罗县"; only the known parts. */
export function areaPath(result: AreaCodeResult): string {
  if (!result.valid) return '';
  const parts = [result.provinceName, result.cityName, result.name].filter((p): p is string => !!p);
  return [...new Set(parts)].join(' ');
}
