import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';

/**
 * Local fields of the demo lists. About 21 rows in 23 are 全程网办 with no visit (the report's 91.3%
 * 不见面); the rest 在线受理 with one visit. 承诺时限 about a third of the 法定时限.
 */
export async function seedDemoLocalFields(tx: AppContext) {
  await sql`with n as (select id, row_number() over (partition by office_id order by base_code) as k from catalogue.implementation where is_demo)
    update catalogue.implementation m set
      depth = case when n.k % 23 in (3, 14) then '在线受理' else '全程网办' end,
      visits = case when n.k % 23 in (3, 14) then 1 else 0 end,
      case_kind = case when m.type_code in ('20', '06') then '即办件' else '承诺件' end,
      legal_days = case when m.type_code in ('20', '06') then null else 20 end,
      promise_days = case when m.type_code in ('20', '06') then null else 7 end,
      accept_conditions = '申请材料齐全、符合法定形式',
      materials = '["申请书", "申请人身份证明"]',
      service_window = '民政综合窗口',
      in_hall = m.type_code not in ('02', '03', '06')
    from n where n.id = m.id`.execute(tx.db);
  for (const [name, materials] of Object.entries(DEMO_MATERIALS))
    await sql`update catalogue.implementation set materials = ${JSON.stringify(materials)}::jsonb where is_demo and name = ${name}`.execute(tx.db);
}

/** The 申请材料 of the items the hall takes applications for (the rest keep the generic two). */
const DEMO_MATERIALS: Record<string, string[]> = {
  养老机构备案: [
    '养老机构备案书',
    '养老机构备案承诺书',
    '法人登记证书或营业执照',
    '服务场所权属证明或租赁合同',
    '消防安全检查合格证明或承诺材料',
    '食品经营许可证（提供餐饮服务的）',
  ],
  公开募捐资格审批: ['公开募捐资格申请书', '登记证书或认定文件', '近两年年度工作报告和财务会计报告', '募捐活动方案'],
  慈善组织认定: ['慈善组织认定申请书', '按《慈善法》修改后的章程', '关于申请理由、慈善宗旨的说明', '上一年度财务审计报告'],
  '市县权限的地名命名、更名审批': ['地名备案表', '批准命名、更名的文件', '地名位置示意图'],
  社会团体成立登记: ['登记申请书', '业务主管单位的批准文件', '验资报告、场所使用权证明', '发起人和拟任负责人的基本情况、身份证明', '章程草案'],
  社会团体变更登记: ['变更登记申请书', '业务主管单位审查同意文件', '变更事项的证明材料'],
};

/**
 * The deliberate defects the 四级四同 check finds: 西吉县 dropped three items (漏项); 平罗县 renamed
 * one and typed another as 公共服务 (错项); 隆德县 kept the 1998 article number (错项); 兴庆区's 审批局
 * implements 社会团体成立登记 beside the 民政局 (重项).
 */
export async function seedDemoDefects(tx: AppContext, o: { xiji: string; pingluo: string; longde: string; approvalOffice: string }) {
  await sql`update catalogue.implementation set status = 'revoked' where office_id = ${o.xiji} and base_code in ('000711008001', '000711008004', '002011040002')`.execute(
    tx.db,
  );
  await sql`update catalogue.implementation set name = '结婚登记（含补办）' where office_id = ${o.pingluo} and base_code = '000711008001'`.execute(tx.db);
  await sql`update catalogue.implementation set type_code = '20' where office_id = ${o.pingluo} and base_code = '000711010001'`.execute(tx.db);
  await sql`update catalogue.implementation set legal_basis = '《社会团体登记管理条例》第三条、第六条、第三十二条' where office_id = ${o.longde} and base_code = '000111001001'`.execute(
    tx.db,
  );
  await sql`insert into catalogue.implementation (id, office_id, org_unit_id, area_code, area_path, version_id, base_code, impl_code, name, type_code,
      legal_basis, case_kind, depth, visits, promise_days, legal_days, updated_by_name, updated_at, is_demo, created_at)
    select gen_random_uuid(), f.id, m.org_unit_id, m.area_code, m.area_path, m.version_id, m.base_code, f.uscc || f.level || m.base_code, m.name,
      m.type_code, m.legal_basis, m.case_kind, m.depth, m.visits, m.promise_days, m.legal_days, m.updated_by_name, m.updated_at, true, m.created_at
    from catalogue.implementation m join catalogue.office f on f.id = ${o.approvalOffice}
    where m.area_code = f.area_code and m.base_code = '000111001001' and m.office_id <> f.id`.execute(tx.db);
}
