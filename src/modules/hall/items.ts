import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { listImplementations } from '../catalogue/contract.ts';
import type { HallItem, ItemField } from './contracts/items.ts';

/**
 * The service items the hall takes applications for, until the catalogue module's implementation
 * lists (实施清单) are merged: the fields the hall reads — 承诺时限, 办理深度, 跑动次数, materials and
 * the form. 承诺时限 values are this platform's settings (catalogue-reference.md §4 gives vendor
 * samples, not Ningxia's list); statutory limits are quoted where the law states them.
 */
const f = (key: string, label: string, kind: ItemField['kind'] = 'text', required = true, extra: Partial<ItemField> = {}): ItemField => ({
  key,
  label,
  kind,
  required,
  ...extra,
});
const m = (name: string, required = true) => ({ name, required });

const APPLICANT = [f('contact', '联系人'), f('phone', '联系电话', 'phone')];

const ITEMS: HallItem[] = [
  {
    code: '512011001001',
    name: '养老机构备案',
    typeCode: '20',
    typeLabel: '公共服务',
    legalBasis: '《中华人民共和国老年人权益保障法》第四十三条；《养老机构管理办法》（民政部令第66号）第九条',
    promiseWorkdays: 5,
    statutoryLimit: null,
    depth: '全程网办',
    visits: 0,
    handlingKind: '承诺件',
    fee: '不收费',
    window: '社会事务综合窗口',
    resultName: '养老机构备案回执',
    conditions: [
      '已依法办理法人登记（事业单位、社会服务机构或企业）',
      '有与服务内容和规模相适应的服务场所、设施设备和工作人员',
      '服务场所符合消防、卫生、环境保护等要求',
    ],
    materials: [
      m('养老机构备案书'),
      m('养老机构备案承诺书'),
      m('法人登记证书或营业执照'),
      m('服务场所权属证明或租赁合同'),
      m('消防安全检查合格证明或承诺材料'),
      m('食品经营许可证（提供餐饮服务的）', false),
    ],
    fields: [
      f('orgName', '养老机构名称'),
      f('uscc', '统一社会信用代码', 'uscc'),
      f('legalRep', '法定代表人'),
      f('address', '服务场所地址'),
      f('beds', '床位数（张）', 'number'),
      f('serviceScope', '服务内容', 'select', true, { options: ['全日托养', '日间照料', '失能照护', '医养结合'] }),
      f('startOn', '开始运营日期', 'date'),
      ...APPLICANT,
    ],
    source: 'hall',
  },
  {
    code: '511A00450039',
    name: '公开募捐资格审核',
    typeCode: '01',
    typeLabel: '行政许可',
    legalBasis: '《中华人民共和国慈善法》第二十二条；《慈善组织公开募捐管理办法》（民政部令第59号）第五条',
    promiseWorkdays: 15,
    statutoryLimit: '自受理申请之日起二十日内作出决定（《慈善法》第二十二条）',
    depth: '全程网办',
    visits: 0,
    handlingKind: '承诺件',
    fee: '不收费',
    window: '社会组织综合窗口',
    resultName: '公开募捐资格证书',
    conditions: ['依法登记或者认定为慈善组织满一年', '内部治理结构健全、运作规范', '近两年未因违法违规受到行政处罚'],
    materials: [m('公开募捐资格申请书'), m('登记证书或认定文件'), m('近两年年度工作报告和财务会计报告'), m('募捐活动方案')],
    fields: [
      f('orgName', '慈善组织名称'),
      f('uscc', '统一社会信用代码', 'uscc'),
      f('registeredOn', '登记或认定日期', 'date'),
      f('legalRep', '法定代表人'),
      ...APPLICANT,
    ],
    source: 'hall',
  },
  {
    code: '511F00820001',
    name: '慈善组织认定',
    typeCode: '07',
    typeLabel: '行政确认',
    legalBasis: '《中华人民共和国慈善法》第十条；《慈善组织认定办法》（民政部令第58号）第三条',
    promiseWorkdays: 15,
    statutoryLimit: '自受理申请之日起二十日内作出决定（《慈善法》第十条）',
    depth: '全程网办',
    visits: 0,
    handlingKind: '承诺件',
    fee: '不收费',
    window: '社会组织综合窗口',
    resultName: '慈善组织认定决定书',
    conditions: ['以开展慈善活动为宗旨', '章程符合《慈善法》规定', '已登记设立的基金会、社会团体、社会服务机构'],
    materials: [m('慈善组织认定申请书'), m('按《慈善法》修改后的章程'), m('关于申请理由、慈善宗旨的说明'), m('上一年度财务审计报告')],
    fields: [
      f('orgName', '组织名称'),
      f('uscc', '统一社会信用代码', 'uscc'),
      f('orgKind', '组织类型', 'select', true, { options: ['基金会', '社会团体', '社会服务机构'] }),
      f('purpose', '慈善宗旨', 'textarea'),
      ...APPLICANT,
    ],
    source: 'hall',
  },
  {
    code: '640100DM0001',
    name: '地名命名更名备案',
    typeCode: '10',
    typeLabel: '其他行政权力',
    legalBasis: '《地名管理条例》（国务院令第753号）；《宁夏回族自治区地名条例》',
    promiseWorkdays: 10,
    statutoryLimit: null,
    depth: '在线受理',
    visits: 1,
    handlingKind: '承诺件',
    fee: '不收费',
    window: '社会事务综合窗口',
    resultName: '地名命名更名备案回执',
    conditions: ['地名已经有审批权的机关批准命名或更名'],
    materials: [m('地名备案表'), m('批准命名、更名的文件'), m('地名位置示意图')],
    fields: [
      f('placeKind', '地名类别', 'select', true, { options: ['居民区', '道路街巷', '建筑物', '桥梁', '自然地理实体'] }),
      f('action', '备案类型', 'select', true, { options: ['命名', '更名'] }),
      f('newName', '标准名称'),
      f('oldName', '原名称（更名时填写）', 'text', false),
      f('location', '位置描述', 'textarea'),
      f('approvalNo', '批准文号'),
      ...APPLICANT,
    ],
    source: 'hall',
  },
  {
    code: '511A00450024',
    name: '社会团体成立登记',
    typeCode: '01',
    typeLabel: '行政许可',
    legalBasis: '《社会团体登记管理条例》第三条、第十二条',
    promiseWorkdays: 20,
    statutoryLimit: '自收到全部有效文件之日起六十日内作出准予或者不予登记的决定（《社会团体登记管理条例》第十二条）',
    depth: '在线受理',
    visits: 1,
    handlingKind: '承诺件',
    fee: '不收费',
    window: '社会组织综合窗口',
    resultName: '社会团体法人登记证书',
    conditions: ['有 50 个以上个人会员或者 30 个以上单位会员', '有规范的名称和相应的组织机构', '有固定的住所和合法的资产、经费来源'],
    materials: [m('登记申请书'), m('业务主管单位的批准文件'), m('验资报告、场所使用权证明'), m('发起人和拟任负责人的基本情况、身份证明'), m('章程草案')],
    fields: [
      f('orgName', '社会团体名称', 'text', true, {
        help: '冠以登记管理机关所在行政区域的名称，以协会、学会、商会、研究会、促进会、联合会等字样结尾（受理时按社会组织名称规则审核）',
      }),
      f('sponsor', '业务主管单位'),
      f('members', '会员数', 'number'),
      f('funds', '活动资金（万元）', 'number'),
      f('residence', '住所'),
      f('leader', '法定代表人（拟任）'),
      f('businessScope', '业务范围', 'textarea'),
      ...APPLICANT,
    ],
    source: 'hall',
  },
  {
    code: '511A00450041',
    name: '社会团体变更登记',
    typeCode: '01',
    typeLabel: '行政许可',
    legalBasis: '《社会团体登记管理条例》第十八条',
    promiseWorkdays: 7,
    statutoryLimit: null,
    depth: '全程网办',
    visits: 0,
    handlingKind: '承诺件',
    fee: '不收费',
    window: '社会组织综合窗口',
    resultName: '变更登记通知书',
    conditions: ['登记事项需要变更，经业务主管单位审查同意'],
    materials: [m('变更登记申请书'), m('业务主管单位审查同意文件'), m('变更事项的证明材料')],
    fields: [f('orgName', '社会团体名称'), f('uscc', '统一社会信用代码', 'uscc'), f('change', '变更事项', 'textarea'), ...APPLICANT],
    source: 'hall',
  },
];

const BY_CODE = new Map(ITEMS.map((i) => [i.code, i]));

/** The catalogue's names of the items where the implementation lists word them differently. */
const CATALOGUE_NAMES: Record<string, readonly string[]> = {
  '511A00450039': ['公开募捐资格审批', '慈善组织公开募捐资格审批'],
  '640100DM0001': ['市县权限的地名命名、更名审批', '地名命名、更名审批'],
};

/**
 * The item as an office implements it: the form and guide are the hall's; 承诺时限, 办理深度, 跑动次数,
 * 办件类型, the 实施编码 and the 申请材料 (when the row lists any) come from the catalogue module's
 * implementation list (实施清单) of the area when it has a row for the item (matched by name). A row without a 承诺时限 (即办件 or not set)
 * keeps the hall's.
 */
async function withImplementation(ctx: AppContext, item: HallItem, areaCode: string): Promise<HallItem> {
  const names = [item.name, ...(CATALOGUE_NAMES[item.code] ?? [])];
  const row = (await listImplementations(ctx.db as unknown as Kysely<any>, { areaCode })).find((r) => names.includes(r.name));
  if (!row) return item;
  return {
    ...item,
    promiseWorkdays: row.promiseWorkingDays && row.promiseWorkingDays > 0 ? row.promiseWorkingDays : item.promiseWorkdays,
    statutoryLimit: item.statutoryLimit ?? (row.legalDays ? `${row.legalDays} 日` : null),
    depth: row.depth,
    visits: Math.min(row.visits, 2),
    handlingKind: row.caseKind === '即办件' ? '即办件' : '承诺件',
    implCode: row.implCode,
    // The office's 申请材料 when its list names them: all required, except those the hall's guide marks optional.
    materials: row.materials.length
      ? row.materials.map((name) => ({ name, required: item.materials.find((x) => x.name === name)?.required ?? true }))
      : item.materials,
    source: 'catalogue',
  };
}

/** Every item the hall offers, in catalogue order (as implemented in the area, when given). */
export async function listHallItems(ctx: AppContext, areaCode?: string): Promise<HallItem[]> {
  return areaCode ? Promise.all(ITEMS.map((i) => withImplementation(ctx, i, areaCode))) : ITEMS;
}

/** One item by its code, as implemented in the area when given; undefined when the hall does not offer it. */
export async function findHallItem(ctx: AppContext, code: string, areaCode?: string): Promise<HallItem | undefined> {
  const item = BY_CODE.get(code);
  return item && areaCode ? withImplementation(ctx, item, areaCode) : item;
}

/** 社会团体成立登记: handed over to the social-organization registry at 受理 (commands/handover.ts). */
export const SOCIAL_GROUP_REGISTRATION = '511A00450024';

/** The 养老机构备案 code (the journey's item). */
export const ELDERLY_CARE_FILING = '512011001001';
