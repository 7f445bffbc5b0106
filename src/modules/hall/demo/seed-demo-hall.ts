import { sql } from 'kysely';
import type { AppContext, Clock } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import type { Jobs } from '../../../platform/jobs.ts';
import { chinaMidnight, chinaDate } from '../../../platform/china-time.ts';
import { SYSTEM_ACTOR, demoActor, demoUnit, demoUnits, type Actor } from '../../../kernel/identity/index.ts';
import { applyTransition } from '../../../kernel/workflow/index.ts';
import { indicatorsOf, type Channel, type RatingLevel } from '../contract.ts';
import { registerApplication } from '../commands/register.ts';
import { addMaterialsAtWindow } from '../commands/add-materials.ts';
import type { Material, MaterialUpload } from '../commands/materials.ts';
import { demoMaterialPdf } from './demo-material.ts';
import { rateService } from '../commands/rate.ts';
import { findHallItem, listHallItems, SOCIAL_GROUP_REGISTRATION } from '../items.ts';
import { APPLICANTS, DEMO_OFFICES, GROUP_TOPICS, OUTCOMES, type DemoOutcome } from './demo-plan.ts';
import { demoForm, demoUscc } from './demo-forms.ts';

/**
 * 社会团体成立登记 was handed to the registrar at 受理: the registrar decides (准予登记, or 不予登记 for the
 * applications the demo later rates badly) and the application follows.
 */
async function registrarDecides(tx: AppContext, staff: Actor, hallCaseId: string, outcome: DemoOutcome, uscc: string) {
  const { orgs_case_id } = (await sql<{ orgs_case_id: string }>`select orgs_case_id from hall.application where case_id = ${hallCaseId}`.execute(tx.db))
    .rows[0]!;
  const refuse = outcome.startsWith('delivered_bad');
  await applyTransition(tx, staff, {
    caseId: orgs_case_id,
    transition: refuse ? 'refuse' : 'approve',
    input: refuse ? { reason: '在同一行政区域内已有业务范围相似的社会团体，没有必要成立（《社会团体登记管理条例》第十三条第（二）项）。' } : { uscc },
  });
}

/** A scanned PDF for each material of the list that `which` picks. */
const materialFiles = (list: Material[], which: (m: Material) => boolean): MaterialUpload[] =>
  list.flatMap((m, index) => (which(m) ? [{ index, fileName: `${m.name}.pdf`, mimeType: 'application/pdf', bytes: demoMaterialPdf() }] : []));

const NO_JOBS: Jobs = { send: async () => null, cancel: async () => {} };
// The county bureau's clerk also registers social organizations (the registrar's decision on a handed-over 成立登记).
const PERMISSIONS = ['hall.read', 'hall.handle', 'hall.rectify', 'hall.review', 'orgs.read', 'orgs.register'];

/**
 * 政务服务大厅 demo data through the real steps (registration, the kernel's transitions, 好差评 and
 * 差评整改) with a manual clock over the last months, in one transaction, for seven county bureaus in
 * three cities. Idempotent: nothing happens once demo applications exist.
 */
export async function seedDemoHall(ctx: AppContext): Promise<{ created: number; skipped: boolean }> {
  if ((await sql`select 1 from hall.application where is_demo limit 1`.execute(ctx.db)).rows.length) return { created: 0, skipped: true };
  const realNow = ctx.clock.now();
  let t = realNow.getTime();
  const clock: Clock = { now: () => new Date(t) };
  const items = await listHallItems(ctx);
  return withTx({ ...ctx, clock }, async (tx0) => {
    const tx = { ...tx0, clock, jobs: NO_JOBS };
    const orgs = await demoUnits(tx);
    const actorFor = (code: string, name: string): Actor =>
      demoActor(demoUnit(orgs, code), { displayName: name, permissions: PERMISSIONS, assignmentId: `demo-hall-${code}` });
    const areaNames = new Map((await tx.db.selectFrom('core.area').select(['code', 'name']).execute()).map((a) => [a.code, a.name]));
    const day0 = chinaMidnight(chinaDate(realNow)).getTime() - 120 * 86_400_000;
    let created = 0;
    for (const [oi, office] of DEMO_OFFICES.entries()) {
      if (!orgs.has(office.org)) continue;
      for (const [i, outcome] of OUTCOMES.entries()) {
        const n = oi * 100 + i;
        const item = items[(oi + i) % items.length]!;
        const channel: Channel = i % 4 === 3 ? '窗口' : '网上';
        const staff = actorFor(office.org, office.staff[i % 2]!);
        const start = day0 + (i * 8 + oi) * 86_400_000 + 9 * 3_600_000;
        const at = (d: number) => {
          t = Math.min(start + d * 86_400_000, realNow.getTime() - 60_000);
        };
        at(0);
        const county = orgs.get(office.org)!.area_code;
        const group = item.code === SOCIAL_GROUP_REGISTRATION;
        const applicant = group ? `${areaNames.get(county)}${GROUP_TOPICS[n % GROUP_TOPICS.length]}` : `${APPLICANTS[n % APPLICANTS.length]}`;
        const listed = (await findHallItem(tx, item.code, orgs.get(office.org)!.area_code))!.materials;
        const missing = outcome === 'correcting' || i % 5 === 1 ? listed.filter((m) => m.required).slice(-1) : [];
        const r = await registerApplication(
          tx,
          channel === '窗口' ? staff : SYSTEM_ACTOR,
          {
            itemCode: item.code,
            areaCode: orgs.get(office.org)!.area_code,
            applicant,
            phone: `1399510${String(1000 + n).slice(-4)}`,
            form: demoForm(item, applicant, orgs.get(office.org)!.area_code, n),
          },
          { channel, system: channel === '网上', isDemo: true, files: materialFiles(listed, (m) => m.required && !missing.includes(m)) },
        );
        created++;
        const move = (name: string, input?: unknown) => applyTransition(tx, staff, { caseId: r.id, transition: name, input });
        if (outcome === 'submitted') continue;
        if (missing.length) {
          at(1);
          await move('correct', { missing: [], note: `请补充${missing.map((m) => m.name).join('、')}。` });
          if (outcome === 'correcting') continue;
          at(3);
          await addMaterialsAtWindow(
            tx,
            staff,
            r.id,
            materialFiles(listed, (m) => missing.includes(m)),
          );
          await move('resubmit', {});
        }
        at(4);
        if (outcome === 'not_accepted') {
          await move('not_accept', { reason: '申请事项不属于本机关职权范围，请向登记管理机关所在地民政部门申请。' });
          continue;
        }
        await move('accept');
        if (outcome === 'accepted') continue;
        at(6);
        if (group) await registrarDecides(tx, staff, r.id, outcome, demoUscc(county, 900_000 + n, '1'));
        else await move('approve', {});
        at(7);
        await move('deliver', { way: channel === '窗口' && i % 3 === 0 ? '窗口领取' : '电子送达' });
        if (outcome === 'delivered_unrated') continue;
        at(8);
        const level: RatingLevel =
          outcome === 'delivered_good' ? (i % 3 ? '非常满意' : '满意') : outcome === 'delivered_fair' ? '基本满意' : i % 2 ? '不满意' : '非常不满意';
        const stars = level === '非常满意' ? 5 : level === '满意' ? 4 : level === '基本满意' ? 3 : 2;
        const rated = await rateService(
          tx,
          r.id,
          {
            level,
            indicators: Object.fromEntries(indicatorsOf(channel).map((k) => [k, stars])),
            comment: stars <= 2 ? '网上提交后三天没有人联系，电话也打不通。' : undefined,
          },
          { isDemo: true },
        );
        if (!rated.complaintId || outcome === 'delivered_bad_open') continue;
        const step = (name: string, input: unknown) => applyTransition(tx, staff, { caseId: rated.complaintId!, transition: name, input });
        at(9);
        await step('verify', { note: '已电话回访申请人，情况属实：受理后未及时告知办理进度。' });
        if (outcome === 'delivered_bad_rectifying') {
          await step('rectify_later', { plan: '建立办件进度短信提醒，窗口电话专人接听。' });
          continue;
        }
        at(10);
        await step('rectify_now', { way: '立行立改', note: '已向申请人说明进度并致歉，窗口电话已安排专人接听。' });
        at(11);
        await step('feedback', { feedback: '您反映的问题已整改：窗口电话专人接听，办件进度短信提醒。感谢监督。' });
      }
    }
    return { created, skipped: false };
  });
}
