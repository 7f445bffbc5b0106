import type { OrgKind } from '../contract.ts';

/**
 * 名称审核: a pure check of a proposed name against the registering authority and the names it
 * already holds. Used at 成立登记, at 变更登记 (更名) and by the clean-up campaign's renames.
 * Every refusal carries its explanation in Chinese and, where there is one, its basis.
 */

/** The registering authority's area, from the region down: ['宁夏回族自治区', '银川市', '兴庆区']. */
export type AuthorityArea = { names: readonly string[] };
export type ExistingName = { id: string; name: string };
export type NameProblem = {
  rule: 'chars' | 'suffix' | 'prefix' | 'banned' | 'duplicate' | 'near_duplicate';
  message: string;
  basis?: string;
  conflictId?: string;
};
export type NameCheck = { name: string; ok: boolean; problems: NameProblem[]; key: string; explanation: string };

const BASIS_GROUP = '《社会团体登记管理条例》第十条第二款';
const BASIS_SERVICE = '《民办非企业单位登记管理暂行条例》第八条第二款';

/** Kind suffixes (组织形式字样): the name must end with one of them. Longest first. */
export const KIND_SUFFIXES: Record<OrgKind, readonly string[]> = {
  social_group: ['研究会', '促进会', '联合会', '联谊会', '校友会', '同学会', '协会', '学会', '商会', '总会'],
  social_service: [
    '服务中心',
    '服务社',
    '事务所',
    '俱乐部',
    '研究院',
    '养老院',
    '敬老院',
    '幼儿园',
    '博物馆',
    '学校',
    '中心',
    '医院',
    '院',
    '所',
    '园',
    '馆',
    '站',
  ],
  foundation: ['基金会'],
};

/** Words a local organization's name may not carry, with their basis. */
export const BANNED_WORDS: readonly { word: string; basis: string }[] = [
  { word: '中国', basis: `${BASIS_GROUP}、${BASIS_SERVICE}（地方性组织不得冠以“中国”“全国”“中华”等字样）` },
  { word: '中华', basis: `${BASIS_GROUP}、${BASIS_SERVICE}（地方性组织不得冠以“中国”“全国”“中华”等字样）` },
  { word: '全国', basis: `${BASIS_GROUP}、${BASIS_SERVICE}（地方性组织不得冠以“中国”“全国”“中华”等字样）` },
  { word: '国家', basis: `${BASIS_GROUP}、${BASIS_SERVICE}所称“等字样”（表示全国性的字样）` },
  { word: '国际', basis: `${BASIS_GROUP}（名称应当与其成员分布、活动地域相一致）` },
  { word: '世界', basis: `${BASIS_GROUP}（名称应当与其成员分布、活动地域相一致）` },
  { word: '亚洲', basis: `${BASIS_GROUP}（名称应当与其成员分布、活动地域相一致）` },
];

/** Characters that do not distinguish two names (连接词) and person suffixes (书法家 = 书法). */
const FILLERS = /[的和与及暨、·()\uff08\uff09\s]/g;
const PERSON_TAIL = /(工作者|爱好者|从业者|家|者|人士)$/;
const REGION_FULL = '宁夏回族自治区';

/** 银川市 → 银川； 平罗县 → 平罗； 宁夏回族自治区 → 宁夏. */
export function shortAreaName(name: string): string {
  if (name === REGION_FULL) return '宁夏';
  const m = /^(.{2,}?)(市|县|区|自治县|旗)$/.exec(name);
  return m ? m[1]! : name;
}

/** The forms of an area name a name may start with (full first). */
const forms = (n: string) => (shortAreaName(n) === n ? [n] : [n, shortAreaName(n)]);

/** Strips any leading area names of the authority's chain (宁夏 / 银川市 / 兴庆区 …) and returns what it stripped. */
function stripPrefixes(name: string, chain: readonly string[]): { rest: string; matched: string[] } {
  let rest = name;
  const matched: string[] = [];
  for (const area of chain) {
    const f = forms(area).find((x) => rest.startsWith(x));
    if (f) {
      rest = rest.slice(f.length);
      matched.push(area);
    }
  }
  return { rest, matched };
}

function kindSuffix(name: string, kind: OrgKind): string | null {
  return KIND_SUFFIXES[kind].find((s) => name.endsWith(s)) ?? null;
}

/**
 * The comparison key: the name without its area prefix, its kind suffix, fillers and person
 * tails. Two organizations of one authority with the same key are near-duplicates.
 */
export function nameKey(name: string, kind: OrgKind, chain: readonly string[]): string {
  const clean = normalizeName(name);
  let { rest } = stripPrefixes(clean, chain);
  const all = [...KIND_SUFFIXES.social_group, ...KIND_SUFFIXES.social_service, ...KIND_SUFFIXES.foundation].sort((a, b) => b.length - a.length);
  const suffix = kindSuffix(rest, kind) ?? all.find((s) => rest.endsWith(s));
  if (suffix && rest.length > suffix.length) rest = rest.slice(0, -suffix.length);
  return rest.replace(FILLERS, '').replace(PERSON_TAIL, '') || rest;
}

/** Full-width parentheses and no spaces, the form names are stored in. */
export function normalizeName(name: string): string {
  return name.replace(/\s+/g, '').replace(/\(/g, '\uff08').replace(/\)/g, '\uff09');
}

export function checkName(input: { name: string; kind: OrgKind; authority: AuthorityArea; existing: readonly ExistingName[]; excludeId?: string }): NameCheck {
  const name = normalizeName(input.name);
  const chain = input.authority.names;
  const own = chain[chain.length - 1] ?? REGION_FULL;
  const problems: NameProblem[] = [];

  if (name.length < 4 || name.length > 50) problems.push({ rule: 'chars', message: `名称应为4至50个字，现为${name.length}个字。` });
  const bad = /[^\u4e00-\u9fa5\uff08\uff090-9]/u.exec(name);
  if (bad) problems.push({ rule: 'chars', message: `名称含有不允许的字符“${bad[0]}”（只能使用汉字、数字和括号）。` });

  const suffix = kindSuffix(name, input.kind);
  if (!suffix) {
    const basis = input.kind === 'social_group' ? BASIS_GROUP : input.kind === 'social_service' ? BASIS_SERVICE : undefined;
    const list = KIND_SUFFIXES[input.kind].slice(0, 8).join('、');
    problems.push({
      rule: 'suffix',
      message: input.kind === 'foundation' ? '基金会的名称应当以“基金会”结尾。' : `名称应当以表明组织形式的字样结尾（如${list}等），以准确反映其特征。`,
      basis,
    });
  }

  const { rest, matched } = stripPrefixes(name, chain);
  if (!matched.includes(own)) {
    const expect = forms(own)
      .map((f) => `“${f}”`)
      .join('或');
    problems.push({
      rule: 'prefix',
      message: `名称应当冠以登记管理机关所在行政区域的名称${expect}，与其活动地域相一致。`,
      basis: input.kind === 'social_service' ? BASIS_SERVICE : BASIS_GROUP,
    });
  }
  for (const b of BANNED_WORDS) {
    if (name.includes(b.word)) problems.push({ rule: 'banned', message: `地方性社会组织的名称不得使用“${b.word}”字样。`, basis: b.basis });
  }

  const key = nameKey(name, input.kind, chain);
  for (const e of input.existing) {
    if (e.id === input.excludeId) continue;
    const other = normalizeName(e.name);
    if (other === name) {
      problems.push({ rule: 'duplicate', message: `同一登记管理机关已登记名称相同的社会组织“${e.name}”。`, conflictId: e.id });
    } else if (key && nameKey(other, input.kind, chain) === key) {
      problems.push({
        rule: 'near_duplicate',
        message: `与已登记的“${e.name}”近似（去掉行政区划、组织形式字样后均为“${key}”），容易混淆。`,
        conflictId: e.id,
      });
    }
  }
  void rest;
  const ok = problems.length === 0;
  return {
    name,
    ok,
    problems,
    key,
    explanation: ok
      ? `名称“${name}”符合名称规则（组织形式字样“${suffix}”，行政区划“${own}”，本机关内无相同或近似名称）。`
      : problems.map((p) => p.message).join(''),
  };
}
