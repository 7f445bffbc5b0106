import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { addDaysIso } from '../../../kernel/calendar/index.ts';

const MATTERS: Array<[string, string]> = [
  ['未按规定报送年度工作报告', '30日内补报年度工作报告'],
  ['未按章程按期换届', '3个月内召开会员大会完成换届'],
  ['财务管理不规范，收支未纳入法定账簿', '1个月内规范账簿，聘请专职会计'],
  ['超出业务范围开展活动', '立即停止超范围活动，书面说明情况'],
  ['住所变更未办理变更登记', '15日内申请变更登记'],
];

/**
 * The report's “组织约谈违规社会组织31家” in the demo: 31 organizations, one 约谈 each in 2019 (spread over the
 * year and the authorities), of which 27 have their follow-up recorded (every seventh from the seventh on is still
 * open). The report's 2019 figures read 31 家 / 31 次 / 27 已跟踪落实 region-wide.
 */
export async function seedInterviewDemo(db: Kysely<any>, orgs: Array<{ id: string; registeredOn: string }>) {
  const talked = orgs
    .filter((o) => o.registeredOn < '2018-01-01')
    .filter((_, i) => i % 7 === 3)
    .slice(0, 31);
  if (talked.length < 31) throw new Error(`demo: only ${talked.length} organizations for the 31 约谈`);
  for (const [k, o] of talked.entries()) {
    const [matter, commitments] = MATTERS[k % MATTERS.length]!;
    const heldOn = `2019-${String(1 + (k % 11)).padStart(2, '0')}-${String(10 + (k % 15)).padStart(2, '0')}`;
    const done = k % 7 !== 6;
    await sql`insert into orgs.interview (id, organization_id, held_on, people, matter, commitments, follow_up, followed_up_on, created_at)
      values (${randomUUID()}, ${o.id}, ${heldOn}::date, '法定代表人、秘书长', ${matter}, ${commitments},
        ${done ? '已按承诺整改到位' : null}, ${done ? addDaysIso(heldOn, 20) : null}::date, ${`${heldOn}T02:00:00Z`})`.execute(db);
  }
  return talked.length;
}
