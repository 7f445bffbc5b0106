import { sql } from 'kysely';
import type { AppContext, Clock } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import type { Jobs } from '../../../platform/jobs.ts';
import { chinaDate, chinaMidnight } from '../../../platform/china-time.ts';
import { SYSTEM_ACTOR, type Actor } from '../../../kernel/identity/index.ts';
import { applyAction, applyTransition, decideSignoff, openSignoff } from '../../../kernel/workflow/index.ts';
import { registerNormdoc } from '../commands/register.ts';
import { HEADS_SIGNOFF, NORMDOC_TYPE, REVIEW_CHECKLIST } from '../contract.ts';
import { closeCleanup } from '../cleanup/close-cleanup.ts';
import { concludeCleanupItem } from '../cleanup/conclude-item.ts';
import { openCleanup } from '../cleanup/open-cleanup.ts';
import { CLEANUP_2019, OFFSETS, PLAN_2019, PLAN_NOW, type Stage } from './demo-plan.ts';

type Role = 'drafter' | 'legal' | 'leader';
const PERMISSIONS: Record<Role, string[]> = {
  drafter: ['normdocs.read', 'normdocs.draft'],
  legal: ['normdocs.read', 'normdocs.review'],
  leader: ['normdocs.read', 'normdocs.sign'],
};
const STAGES: Stage[] = ['drafting', 'consulting', 'reviewing', 'reviewed', 'signed', 'published', 'filed'];
/** While writing 2019, no timers are queued: its deadlines are long past (its clocks are stopped anyway). */
const NO_JOBS: Jobs = { send: async () => null, cancel: async () => {} };
type Step = { at: number; key: number; run: (cx: AppContext) => Promise<void> };

/**
 * 规范性文件 demo data through the real steps (registerNormdoc, the kernel's transitions and
 * actions) with a manual clock, in one transaction, in time order so numbers follow the dates.
 * Idempotent: nothing happens once demo documents exist.
 */
export async function seedDemoNormdocs(ctx: AppContext): Promise<{ created: number; skipped: boolean }> {
  if ((await sql`select 1 from normdocs.document where is_demo limit 1`.execute(ctx.db)).rows.length) return { created: 0, skipped: true };
  const realNow = ctx.clock.now();
  let t = realNow.getTime();
  const clock: Clock = { now: () => new Date(t) };
  return withTx({ ...ctx, clock }, async (tx) => {
    const orgs = new Map((await tx.db.selectFrom('core.org_unit').select(['id', 'code', 'name', 'area_code', 'area_path']).execute()).map((o) => [o.code, o]));
    const actorFor = (code: string, role: Role): Actor => {
      // The 合法性审核 of a city bureau's document is its own office's; the 厅's is 政策法规处's; 签发 by the body's leader.
      const at = role === 'drafter' ? code : code.startsWith('640000') ? (role === 'legal' ? '640000-mzt-fgc' : '640000-mzt') : code;
      const o = orgs.get(at);
      if (!o) throw new Error(`演示数据：组织机构 ${at} 不存在`);
      const name = { drafter: '经办人', legal: '法制审核人员', leader: '负责人' }[role];
      return {
        ...SYSTEM_ACTOR,
        username: 'demo',
        displayName: `${o.name}${name}`,
        orgUnitId: o.id,
        areaCode: o.area_code,
        areaPath: o.area_path,
        grants: [
          {
            assignmentId: `demo-${at}-${role}`,
            roleCode: role === 'leader' ? 'leader' : role === 'legal' ? 'policy' : 'clerk',
            roleName: name,
            orgUnitId: o.id,
            orgUnitName: o.name,
            areaCode: o.area_code,
            areaPath: o.area_path,
            scope: 'subtree' as const,
            permissions: PERMISSIONS[role],
            delegatedBy: null,
            validTo: null,
          },
        ],
      };
    };
    const nine = (date: string, plus: number) => chinaMidnight(date).getTime() + plus * 86_400_000 + 9 * 3_600_000;
    const dayOf = (date: string, plus: number) => chinaDate(new Date(nine(date, plus)));
    const ids = new Map<number, string>();
    const steps: Step[] = [];
    const plan = [
      ...PLAN_2019.map((p) => ({ ...p, history: true })),
      ...PLAN_NOW.map((p) => ({ ...p, startOn: chinaDate(new Date(chinaMidnight(chinaDate(realNow)).getTime() - p.daysAgo * 86_400_000)), history: false })),
    ];
    plan.forEach((p, key) => {
      const reach = STAGES.indexOf(p.upTo);
      const s = (off: number, run: Step['run']) => steps.push({ at: Math.min(nine(p.startOn, off), realNow.getTime() - 60_000), key, run });
      const move = (role: Role, transition: string, input?: unknown) => async (cx: AppContext) =>
        void (await applyTransition(cx, actorFor(p.org, role), { caseId: ids.get(key)!, transition, input }));
      const act = (action: string, input: () => unknown) => async (cx: AppContext) =>
        void (await applyAction(cx, actorFor(p.org, 'drafter'), { caseId: ids.get(key)!, type: NORMDOC_TYPE, action, input: input() }));
      s(0, async (cx) => {
        const r = await registerNormdoc(
          cx,
          actorFor(p.org, 'drafter'),
          { title: p.title, text: `${p.title}\n\n第一条 为了……，根据……，结合本自治区实际，制定本办法。\n第二条 ……`, note: '起草说明：……' },
          { demo: true },
        );
        ids.set(key, r.id);
      });
      if (reach < 1) return;
      const startOn = dayOf(p.startOn, OFFSETS.consult);
      s(
        OFFSETS.consult,
        move('drafter', 'consult', {
          way: '公开和定向征求意见',
          targets: '各市、县（区）民政局，有关厅属单位',
          startOn,
          endOn: dayOf(p.startOn, OFFSETS.consult + 30),
        }),
      );
      let comment = '';
      s(OFFSETS.comment, async (cx) => {
        const r = await applyAction<{ id: string }>(cx, actorFor(p.org, 'drafter'), {
          caseId: ids.get(key)!,
          type: NORMDOC_TYPE,
          action: 'comment',
          input: { commenter: '某市民政局', content: '建议进一步明确办理时限和材料清单。', receivedOn: dayOf(p.startOn, OFFSETS.comment) },
        });
        comment = r.id;
      });
      if (reach < 2) return;
      s(
        OFFSETS.dispose,
        act('dispose', () => ({ commentId: comment, disposition: '采纳', reason: '已在第五条中明确办理时限和材料清单。' })),
      );
      s(OFFSETS.submit, move('drafter', 'submit_review'));
      if (reach < 3) return;
      s(
        OFFSETS.review,
        move('legal', 'review_pass', {
          conclusion: '通过',
          checklist: REVIEW_CHECKLIST.map((item) => ({ item, ok: true })),
          opinion: '制定主体合法，未超越法定职权，未违法设定许可、处罚、强制、收费事项，未减损权利或增加义务，程序合法。',
        }),
      );
      if (reach < 4) return;
      s(
        OFFSETS.meeting,
        act('meeting', () => ({
          metOn: dayOf(p.startOn, OFFSETS.meeting),
          name: p.org.startsWith('640000') ? '厅长办公会' : '局长办公会',
          attendees: '主要负责人、分管负责人，政策法规处列席说明',
          decision: '审议通过',
        })),
      );
      s(OFFSETS.heads, async (cx) => {
        const head = actorFor(p.org, 'leader');
        await openSignoff(cx, actorFor(p.org, 'drafter'), {
          caseId: ids.get(key)!,
          step: HEADS_SIGNOFF,
          mode: 'all',
          parties: [{ orgUnitId: head.orgUnitId }],
        });
        await decideSignoff(cx, head, { caseId: ids.get(key)!, step: HEADS_SIGNOFF, decision: 'approve', comment: '同意' });
      });
      s(OFFSETS.legalSign, move('legal', 'legal_sign'));
      s(OFFSETS.sign, move('leader', 'sign'));
      s(OFFSETS.number, move('legal', 'number'));
      if (reach < 5) return;
      const publishedOn = dayOf(p.startOn, OFFSETS.publish);
      s(OFFSETS.publish, move('legal', 'publish', { publishedOn, effectiveOn: dayOf(p.startOn, OFFSETS.publish + 30), publishedIn: '门户网站' }));
      if (reach < 6) return;
      s(
        OFFSETS.file,
        move('legal', 'file', { filedOn: dayOf(p.startOn, OFFSETS.file), filedWith: p.org.startsWith('640000') ? '自治区司法厅' : '银川市司法局' }),
      );
    });
    // 清理 of the 厅's documents at the end of 2019 (政策法规处): all 继续有效.
    const fgc = actorFor('640000-mzt-fgc', 'legal');
    let cleanupId = '';
    steps.push({
      at: nine(CLEANUP_2019.asOf, 0),
      key: plan.length,
      run: async (cx) => {
        cleanupId = (await openCleanup(cx, fgc, { name: CLEANUP_2019.name, basis: CLEANUP_2019.basis, asOf: CLEANUP_2019.asOf })).id;
        const listed = await sql<{ case_id: string }>`select case_id from normdocs.cleanup_item where cleanup_id = ${cleanupId}`.execute(cx.db);
        for (const r of listed.rows) await concludeCleanupItem(cx, fgc, cleanupId, r.case_id, { conclusion: '继续有效', reason: CLEANUP_2019.reason });
      },
    });
    steps.push({ at: nine(CLEANUP_2019.closeOn, 0), key: plan.length, run: async (cx) => void (await closeCleanup(cx, fgc, cleanupId)) });
    steps.sort((a, b) => a.at - b.at || a.key - b.key);
    const historyEnd = Date.UTC(2020, 0, 1);
    for (const st of steps) {
      t = st.at;
      await st.run(st.at < historyEnd ? { ...tx, clock, jobs: NO_JOBS } : { ...tx, clock });
    }
    return { created: ids.size, skipped: false };
  });
}
