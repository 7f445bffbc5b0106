import { sql } from 'kysely';
import type { AppContext, Clock } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import type { Jobs } from '../../../platform/jobs.ts';
import { chinaDate, chinaMidnight } from '../../../platform/china-time.ts';
import { SYSTEM_ACTOR, type Actor } from '../../../kernel/identity/index.ts';
import { applyTransition } from '../../../kernel/workflow/index.ts';
import { ANSWER_KINDS } from '../contracts/labels.ts';
import { createItem } from '../items/create-item.ts';
import { registerRequest } from '../requests/register-request.ts';
import { answerDay, demoItems2019, demoRequests, type PlannedRequest } from './demo-plan.ts';

const PERMISSIONS = { clerk: ['disclosure.read', 'disclosure.handle', 'disclosure.correct'], lead: ['disclosure.read', 'disclosure.approve'] };
/** Past deadlines queue no timers. */
const NO_JOBS: Jobs = { send: async () => null, cancel: async () => {} };
type Step = { at: number; key: number; run: (cx: AppContext) => Promise<void> };

/**
 * 政务公开 demo data through the real steps with a manual clock, in one transaction: 189 items
 * published in 2019 over six offices, requests of 2018–2019 with every kind of flow, and a few
 * current requests in progress. Idempotent: nothing happens once demo rows exist.
 */
export async function seedDemoDisclosure(ctx: AppContext): Promise<{ items: number; requests: number; skipped: boolean }> {
  if ((await sql`select 1 from disclosure.item where is_demo limit 1`.execute(ctx.db)).rows.length) return { items: 0, requests: 0, skipped: true };
  const realNow = ctx.clock.now();
  let t = realNow.getTime();
  const clock: Clock = { now: () => new Date(t) };
  return withTx({ ...ctx, clock }, async (tx) => {
    const orgs = new Map((await tx.db.selectFrom('core.org_unit').select(['id', 'code', 'name', 'area_code', 'area_path']).execute()).map((o) => [o.code, o]));
    const actorFor = (code: string, role: 'clerk' | 'lead'): Actor => {
      const o = orgs.get(code);
      if (!o) throw new Error(`演示数据：组织机构 ${code} 不存在`);
      const grant = { assignmentId: `demo-${code}-${role}`, roleCode: role === 'lead' ? 'leader' : 'clerk', roleName: role === 'lead' ? '负责人' : '经办人' };
      return {
        ...SYSTEM_ACTOR,
        username: 'demo',
        displayName: `${o.name}${role === 'lead' ? '负责人' : '经办人'}`,
        orgUnitId: o.id,
        areaCode: o.area_code,
        areaPath: o.area_path,
        grants: [
          {
            ...grant,
            orgUnitId: o.id,
            orgUnitName: o.name,
            areaCode: o.area_code,
            areaPath: o.area_path,
            scope: 'subtree',
            permissions: PERMISSIONS[role],
            delegatedBy: null,
            validTo: null,
          },
        ],
      };
    };
    const at = (date: string, plusDays: number, minute = 0) => chinaMidnight(date).getTime() + plusDays * 86_400_000 + 9 * 3_600_000 + minute * 60_000;
    const ids = new Map<number, string>();
    const steps: Step[] = [];
    const move = (key: number, org: string, role: 'clerk' | 'lead', transition: string, input?: unknown) => async (cx: AppContext) =>
      void (await applyTransition(cx, actorFor(org, role), { caseId: ids.get(key)!, transition, input }));

    demoItems2019().forEach((p, key) => {
      const s = (day: number, run: Step['run'], minute = 0) => steps.push({ at: at(p.formedOn, day, minute), key, run });
      s(0, async (cx) => {
        const r = await createItem(
          cx,
          actorFor(p.org, 'clerk'),
          { title: p.title, category: p.category, office: p.office, formedOn: p.formedOn, summary: `${p.title}。`, validity: p.validity },
          { demo: true },
        );
        ids.set(key, r.id);
      });
      s(p.lagDays, move(key, p.org, 'lead', 'publish'), 30);
      if (p.withdraw) s(p.lagDays + 20, move(key, p.org, 'lead', 'withdraw', { reason: p.withdraw }), 40);
    });
    let requests = 0;
    const request = (p: PlannedRequest, key: number, now = false) => {
      const s = (day: number, run: Step['run'], minute = 0) =>
        steps.push({ at: Math.min(at(p.receivedOn, day, minute), now ? realNow.getTime() - 60_000 + key : Infinity), key, run });
      s(0, async (cx) => {
        const { queryCode: _q, ...r } = await registerRequest(
          cx,
          actorFor(p.org, 'clerk'),
          {
            channel: p.channel,
            applicantKind: p.applicantKind,
            applicantName: p.applicantName,
            contact: '0951-0000000（演示）',
            content: p.content,
            form: '电子数据',
            receivedOn: p.receivedOn,
          },
          { demo: true },
        );
        ids.set(key, r.id);
        requests++;
      });
      if (p.correction) s(2, move(key, p.org, 'clerk', 'ask_correction', { text: '请明确所需信息的名称、文号或形成时间等特征性描述。', periodDays: 10 }), 10);
      if (p.correction && p.answer !== 'no_correction') s(5, move(key, p.org, 'clerk', 'correct', { text: `${p.content}（补正：写明了形成时间和文号）` }), 20);
      if (p.consult) {
        s(
          p.correction ? 6 : 3,
          move(key, p.org, 'clerk', 'consult', { thirdParty: p.consult, matter: '申请公开的信息涉及第三方个人信息，征求是否同意公开。' }),
          30,
        );
        s(p.correction ? 14 : 11, move(key, p.org, 'clerk', 'consulted', { opinion: '不同意公开', note: '涉及个人隐私' }), 40);
      }
      if (!p.answer) return;
      const k = ANSWER_KINDS[p.answer];
      const answer = {
        kind: k.label,
        text: '特此告知。',
        disclosedPart: p.answer === 'partial' ? '补贴（救助）项目、标准、金额合计和发放单位' : undefined,
        withheldPart: p.answer === 'partial' ? '个人身份证号码、家庭住址和银行账号' : undefined,
        reasons: k.needsReasons ? `属于${k.label.replace(/^.*：/, '')}，依照《中华人民共和国政府信息公开条例》${k.article}处理。` : undefined,
        rightBody: p.answer === 'not_ours' ? '所在地消防救援机构' : undefined,
      };
      s(answerDay(p), move(key, p.org, 'clerk', 'answer', answer), 50);
    };
    demoRequests().forEach((p, i) => request(p, 10_000 + i));
    steps.sort((a, b) => a.at - b.at || a.key - b.key);
    for (const st of steps) {
      t = st.at;
      await st.run({ ...tx, clock, jobs: NO_JOBS });
    }
    // The history's inbox items (待您变更 after each 审核发布, 2019's answers …) are past acts, not work for today.
    const past = [...ids.values()];
    if (past.length)
      await sql`delete from core.notification n where n.case_id in (${sql.join(past)})
        and not exists (select 1 from core.notification_read r where r.notification_id = n.id)`.execute(tx.db);
    // Now: requests in progress at 银川市 and 兴庆区 (real timers), for the demo accounts.
    const today = chinaDate(realNow);
    const ago = (n: number) => chinaDate(new Date(chinaMidnight(today).getTime() - n * 86_400_000));
    const current: PlannedRequest[] = [
      {
        org: '640100-mzj',
        receivedOn: ago(3),
        channel: '网上申请',
        applicantKind: '自然人',
        applicantName: '金某某',
        content: '银川市2026年城乡低保标准及调整文件',
        after: 0,
      },
      {
        org: '640100-mzj',
        receivedOn: ago(6),
        channel: '挂号信函',
        applicantKind: '商业企业',
        applicantName: '银川某某物业服务有限公司',
        content: '某社区居民委员会换届选举结果',
        after: 0,
        correction: true,
        answer: 'no_correction',
      },
      {
        org: '640104-mzj',
        receivedOn: ago(12),
        channel: '当面提交',
        applicantKind: '自然人',
        applicantName: '冯某某',
        content: '兴庆区某养老机构的等级评定结果',
        after: 0,
        consult: '该养老机构',
      },
    ];
    steps.length = 0;
    current.forEach((p, i) => request({ ...p, answer: undefined }, 20_000 + i, true));
    steps.sort((a, b) => a.at - b.at || a.key - b.key);
    for (const st of steps) {
      t = st.at;
      await st.run({ ...tx, clock });
    }
    return { items: demoItems2019().length, requests, skipped: false };
  });
}
