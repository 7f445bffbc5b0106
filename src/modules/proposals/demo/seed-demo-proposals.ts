import { sql } from 'kysely';
import type { AppContext, Clock } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import type { Jobs } from '../../../platform/jobs.ts';
import { chinaDate, chinaMidnight } from '../../../platform/china-time.ts';
import { SYSTEM_ACTOR, type Actor } from '../../../kernel/identity/index.ts';
import { applyAction, applyTransition } from '../../../kernel/workflow/index.ts';
import { openProposalParts } from '../commands/parts.ts';
import { registerProposal } from '../commands/register.ts';
import { PROPOSAL_TYPE } from '../contract.ts';
import { demoPlan2019, type PlannedItem } from './demo-plan.ts';

const PERMISSIONS = { clerk: ['proposals.read', 'proposals.handle'], lead: ['proposals.read', 'proposals.approve'] };
/** While writing 2019, no timers are queued: its deadlines are long past (all its clocks are stopped anyway). */
const NO_JOBS: Jobs = { send: async () => null, cancel: async () => {} };

type Step = { at: number; key: number; run: (cx: AppContext) => Promise<void> };
export type ProposalSeedResult = { created: number; skipped: boolean };

/**
 * 建议提案 demo data through the real steps (registerProposal, the kernel's transitions, actions
 * and co-handling) with a manual clock, in one transaction: 2019 as the report gives it, then a few
 * current items in progress. Idempotent: nothing happens once demo items exist.
 */
export async function seedDemoProposals(ctx: AppContext): Promise<ProposalSeedResult> {
  if ((await sql`select 1 from proposals.item where is_demo limit 1`.execute(ctx.db)).rows.length) return { created: 0, skipped: true };
  const realNow = ctx.clock.now();
  let t = realNow.getTime();
  const clock: Clock = { now: () => new Date(t) };
  return withTx({ ...ctx, clock }, async (tx) => {
    const orgs = new Map((await tx.db.selectFrom('core.org_unit').select(['id', 'code', 'name', 'area_code', 'area_path']).execute()).map((o) => [o.code, o]));
    const actorFor = (code: string, role: 'clerk' | 'lead'): Actor => {
      const o = orgs.get(code);
      if (!o) throw new Error(`演示数据：组织机构 ${code} 不存在`);
      const grant = {
        assignmentId: `demo-${code}-${role}`,
        roleCode: role === 'lead' ? 'leader' : 'clerk',
        roleName: role === 'lead' ? '负责人' : '经办人',
        orgUnitId: o.id,
        orgUnitName: o.name,
        areaCode: o.area_code,
        areaPath: o.area_path,
        scope: 'subtree' as const,
        permissions: PERMISSIONS[role],
        delegatedBy: null,
        validTo: null,
      };
      return {
        ...SYSTEM_ACTOR,
        username: 'demo',
        displayName: `${o.name}${role === 'lead' ? '负责人' : '经办人'}`,
        orgUnitId: o.id,
        areaCode: o.area_code,
        areaPath: o.area_path,
        grants: [grant],
      };
    };
    const at = (date: string, plusDays: number, minute = 0) => chinaMidnight(date).getTime() + plusDays * 86_400_000 + 9 * 3_600_000 + minute * 60_000;
    const dateAt = () => chinaDate(new Date(t));
    const ids = new Map<number, string>();
    const steps: Step[] = [];
    const move = (key: number, org: string, role: 'clerk' | 'lead', transition: string, input?: (d: string) => unknown) => async (cx: AppContext) =>
      void (await applyTransition(cx, actorFor(org, role), { caseId: ids.get(key)!, transition, input: input?.(dateAt()) }));
    const act = (key: number, org: string, name: string, input: (d: string) => unknown) => async (cx: AppContext) =>
      void (await applyAction(cx, actorFor(org, 'clerk'), { caseId: ids.get(key)!, type: PROPOSAL_TYPE, action: name, input: input(dateAt()) }));
    const register = (key: number, p: PlannedItem) => async (cx: AppContext) => {
      const r = await registerProposal(
        cx,
        actorFor(p.org, 'clerk'),
        {
          kind: p.kind,
          number: p.number,
          session: p.session,
          deputies: p.deputies,
          delegation: p.delegation,
          title: p.title,
          summary: `${p.deputies}提出：${p.title}。`,
          receivedOn: p.receivedOn,
          role: p.role,
          leadOffice: p.leadOffice,
          orgUnitId: orgs.get(p.org)!.id,
        },
        { demo: true },
      );
      ids.set(key, r.id);
    };
    const contact = (d: string) => ({
      metOn: d,
      way: '面商',
      people: '承办处室负责人、经办人与领衔代表、委员',
      content: '当面听取意见，介绍办理思路和工作进展，代表、委员对办理方案表示认可。',
    });
    const draft = (p: PlannedItem) => () => ({
      category: p.category,
      text: `${p.title.replace(/（.*）$/, '')}收悉。经研究，现答复如下：……（${p.category} 类）`,
    });
    const satisfied = (d: string) => ({ attitude: '满意', result: '满意', ratedOn: d });

    // 2019: every item answered within 3 个月 of 交办 and rated 满意; B and C answered again once carried out.
    demoPlan2019().forEach((p, key) => {
      const s = (day: number, run: Step['run'], minute = 0) => steps.push({ at: at(p.receivedOn, day, minute), key, run });
      s(0, register(key, p));
      s(1, move(key, p.org, 'clerk', 'sign'));
      // As 协办 the opinion goes to the 主办 within 1 个月; as 主办 the reply within 3 个月.
      const assist = p.role === '协办';
      s(assist ? 10 : 20, act(key, p.org, 'contact', contact));
      s(assist ? 20 : 40, move(key, p.org, 'clerk', 'draft', draft(p)));
      s(assist ? 22 : 42, move(key, p.org, 'lead', 'approve'));
      s(55, move(key, p.org, 'clerk', 'rate', satisfied));
      if (p.category === 'B' || p.category === 'C')
        s(
          200,
          act(key, p.org, 'implementation', (d) => ({ repliedOn: d, text: '所提事项已落实，现将落实情况再次答复如下：……' })),
        );
      s(p.category === 'B' || p.category === 'C' ? 201 : 56, move(key, p.org, 'clerk', 'close'));
    });
    steps.sort((a, b) => a.at - b.at || a.key - b.key);
    for (const st of steps) {
      t = st.at;
      await st.run({ ...tx, clock, jobs: NO_JOBS });
    }

    // Now: a few items in progress (real timers), for the demo accounts of 政策法规处 and 银川市民政局.
    const today = chinaDate(realNow);
    const ago = (n: number) => chinaDate(new Date(chinaMidnight(today).getTime() - n * 86_400_000));
    const y = Number(today.slice(0, 4));
    const npc = `自治区十三届人大${['一', '二', '三', '四', '五'][Math.min(Math.max(y - 2023, 0), 4)]}次会议`;
    const cppcc = `自治区政协十二届${['一', '二', '三', '四', '五'][Math.min(Math.max(y - 2023, 0), 4)]}次会议`;
    const current: Array<PlannedItem & { upTo: 'registered' | 'parts' | 'drafted' | 'answered' }> = [
      { ...base('640000-mzt-fgc', '政协提案', cppcc, ago(20), '关于完善困难群众法律援助与社会救助衔接机制的提案'), number: '第0207号', upTo: 'parts' },
      { ...base('640000-mzt-fgc', '人大代表建议', npc, ago(2), '关于加强基层民政执法能力建设的建议'), number: '第0088号', upTo: 'registered' },
      { ...base('640000-mzt-ylfwc', '政协提案', cppcc, ago(50), '关于发展社区嵌入式养老服务的提案'), number: '第0315号', upTo: 'drafted' },
      { ...base('640100-mzj', '人大代表建议', npc, ago(45), '关于银川市城乡低保一体化的建议'), number: '第0142号', role: '分办', upTo: 'answered' },
    ];
    // Each step on its own day after 交办 (never later than now), all in time order, so the clocks read as they would.
    const now: Step[] = [];
    const partIds = new Map<number, string>();
    current.forEach((p, i) => {
      const k = 10_000 + i;
      const s = (d: number, run: Step['run']) => now.push({ at: Math.min(at(p.receivedOn, d), realNow.getTime() - 60_000 + i * 1000), key: k, run });
      s(0, register(k, p));
      if (p.upTo === 'registered') return;
      s(1, move(k, p.org, 'clerk', 'sign'));
      s(3, act(k, p.org, 'contact', contact));
      if (p.upTo === 'parts') {
        s(4, async (cx) => {
          const made = await openProposalParts(
            cx,
            actorFor(p.org, 'clerk'),
            ids.get(k)!,
            ['640000-mzt-jzc', '640100-mzj'].map((c) => orgs.get(c)!.id),
          );
          partIds.set(k, made.parts[0]!.id);
        });
        s(12, async (cx) => {
          await applyTransition(cx, actorFor('640000-mzt-jzc', 'clerk'), {
            caseId: partIds.get(k)!,
            transition: 'opinion',
            input: { opinion: '社会救助处意见：建议将法律援助对象与低保、特困对象信息共享，由司法行政部门免予经济困难审查。' },
          });
        });
        return;
      }
      s(30, move(k, p.org, 'clerk', 'draft', draft(p)));
      if (p.upTo === 'answered') s(32, move(k, p.org, 'lead', 'approve'));
    });
    now.sort((a, b) => a.at - b.at || a.key - b.key);
    for (const st of now) {
      t = st.at;
      await st.run({ ...tx, clock });
    }
    return { created: ids.size, skipped: false };
  });
}

function base(org: string, kind: PlannedItem['kind'], session: string, receivedOn: string, title: string): PlannedItem {
  return {
    org,
    kind,
    role: '主办',
    number: '',
    session,
    deputies: kind === '政协提案' ? '海玉梅委员等' : '马学礼等 4 名代表',
    delegation: kind === '政协提案' ? '社会福利和社会保障界' : '银川市代表团',
    title,
    receivedOn,
    category: 'A',
  };
}
