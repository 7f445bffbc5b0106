import { sql } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { demoActor, demoUnit, demoUnits, type Actor } from '../../../kernel/identity/index.ts';
import { createEntry } from '../entries/write-entry.ts';
import { DEMO_ENTRIES } from './demo-entries.ts';

/** The office writing each category's answers (the 厅's divisions). */
const OFFICE: Record<string, string> = {
  最低生活保障: '640000-mzt-jzc',
  特困人员供养: '640000-mzt-jzc',
  临时救助: '640000-mzt-jzc',
  高龄津贴: '640000-mzt-ylfwc',
  残疾人两项补贴: '640000-mzt-jzc',
  养老服务: '640000-mzt-ylfwc',
  社会组织: '640000-mzt-shzzj',
  城乡社区: '640000-mzt-jczq',
};

/**
 * The 政策问答 demo (idempotent): 50 entries written by the 厅's divisions in 2019, linked to the
 * normdocs demo documents they explain when those exist (the normdocs demo runs first).
 */
export async function seedPolicyqaDemo(ctx: AppContext): Promise<{ created: number }> {
  if ((await sql`select 1 from policyqa.entry where is_demo limit 1`.execute(ctx.db)).rows.length) return { created: 0 };
  const orgs = await demoUnits(ctx);
  const docs = new Map((await ctx.db.selectFrom('core.case').select(['id', 'title']).where('type', '=', 'normdoc').execute()).map((d) => [d.title, d.id]));
  const actorAt = (code: string): Actor => {
    const o = demoUnit(orgs, code);
    return demoActor(o, { displayName: `${o.name}（演示）`, permissions: ['policyqa.read', 'policyqa.edit'], assignmentId: `demo-${code}-policyqa` });
  };
  const clock = { now: () => new Date('2019-09-16T02:00:00Z') };
  return withTx({ ...ctx, clock }, async (tx) => {
    for (const d of DEMO_ENTRIES) {
      const documentId = d.doc ? (docs.get(d.doc) ?? null) : null;
      await createEntry(
        tx,
        actorAt(OFFICE[d.category]!),
        { category: d.category, question: d.question, answer: d.answer, documentId, policyTitle: documentId ? null : (d.policy ?? `《${d.doc}》`) },
        { demo: true },
      );
    }
    return { created: DEMO_ENTRIES.length };
  });
}
