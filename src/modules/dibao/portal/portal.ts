import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { safeEqual, sm3Hex } from '../../../platform/crypto/sm3.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { SYSTEM_ACTOR } from '../../../kernel/identity/index.ts';
import { workflowOf } from '../../../kernel/workflow/index.ts';
import { findStandard } from '../benefit/find-standard.ts';
import type { Band } from '../benefit/compute-benefit.ts';
import { AUTHORITY_LABEL, DIBAO_TYPE, MATERIALS, dateText } from '../contract.ts';
import { yuanText } from '../../../platform/money.ts';
import { regimeOn } from '../delegation/regime.ts';
import { registerApplication } from '../commands/register-application.ts';
import { spendSolution } from '../../../kernel/portal/index.ts';
import { notifyTownshipOfOnlineApplication } from './notify-township.ts';
import { servedNotices } from './served-notices.ts';
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newQueryCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}
/** Only this SM3 hash is stored, salted with the reference number. */
export const queryCodeHash = (refNo: string, code: string) => sm3Hex(`dibao-query:${refNo}:${code.trim().toUpperCase()}`);

/**
 * 网上申请: registered at the household's township office; the query code is shown once. It pays
 * with a portal proof of work (`pow`), checked and spent first in its own transaction: one proof
 * buys one attempt, whatever happens after. The application says nothing about other people: a
 * member already in another household is flagged for the township clerk (resolved at 受理), and
 * its members take no one-household slot until then (a stranger cannot block a real application).
 */
export async function submitOnlineApplication(ctx: AppContext, raw: unknown) {
  const { pow, ...body } = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const code = newQueryCode();
  // The proof first: a request without one costs the server nothing more; a checked one is spent.
  await spendSolution(ctx, pow);
  const r = await withTx(ctx, async (tx) => {
    const reg = await registerApplication(
      tx,
      SYSTEM_ACTOR,
      { ...body, channel: '网上', relativeOfStaff: body.relativeOfStaff ?? false },
      { system: true, unverified: true },
    );
    await sql`update dibao.application set query_code_hash = ${queryCodeHash(reg.refNo, code)} where case_id = ${reg.id}`.execute(tx.db);
    await notifyTownshipOfOnlineApplication(tx, reg);
    return reg;
  });
  return {
    refNo: r.refNo,
    queryCode: code,
    township: r.township,
    missingMaterials: r.missingMaterials,
    notice: `申请已提交至${r.township}。请妥善保存申请编号和查询码（查询码只显示这一次），并携带材料原件到乡镇（街道）窗口核验。`,
  };
}

const PUBLIC_STEPS: Record<string, string> = {
  applied: '已提交，等待乡镇（街道）受理',
  supplementing: '请按一次性告知补齐材料',
  checking: '已受理，正在核对家庭经济状况',
  investigating: '正在入户调查',
  investigated: '调查完成，等待审核',
  appraised: '已民主评议',
  reviewed: '乡镇（街道）已审核',
  publicizing: '正在村（社区）公示',
  awaiting_confirm: '等待确认',
  confirmed: '已确认同意',
  refusing: '不予确认（将书面告知理由）',
  refused: '不予确认',
  withdrawn: '已撤回',
  reinvestigating: '公示异议复查中',
  not_accepted: '不予受理',
};

/** The case behind ref + query code; one indistinct 404 whichever was wrong. */
function checkQueryCode(r: { ref_no: string; query_code_hash: string | null } | undefined, code: string): asserts r {
  if (!r || !r.query_code_hash || !safeEqual(r.query_code_hash, queryCodeHash(r.ref_no, code)))
    throw new AppError('DIBAO_QUERY_FAILED', 404, '申请编号或查询码不正确');
}
export async function applicationByRefAndCode(ctx: AppContext, refNo: string, code: string): Promise<{ id: string }> {
  const r = (
    await sql<{ id: string; ref_no: string; query_code_hash: string | null }>`select c.id, c.ref_no, p.query_code_hash from core.case c
      join dibao.application p on p.case_id = c.id where c.ref_no = ${refNo.trim()} and c.type = ${DIBAO_TYPE}`.execute(ctx.db)
  ).rows[0];
  checkQueryCode(r, code);
  return { id: r.id };
}

/** 查询进度: ref + query code; one indistinct error whichever was wrong. The notices served are listed by number. */
export async function trackApplication(ctx: AppContext, refNo: string, code: string) {
  const r = (
    await sql<any>`select c.id, c.ref_no, c.state, c.created_at, c.due_date::text as due_date, p.query_code_hash, p.authority, p.accepted_on::text as accepted_on, p.decided_on::text as decided_on,
      p.decision, p.benefit, p.refusal_reasons, p.missing_materials, p.publicity_from::text as pf, p.publicity_to::text as pt, t.name as township,
      p.not_accepted_code, p.not_accepted_reason, p.relative_of_staff
    from core.case c join dibao.application p on p.case_id = c.id join core.org_unit t on t.id = p.township_org_id where c.ref_no = ${refNo.trim()} and c.type = ${DIBAO_TYPE}`.execute(
      ctx.db,
    )
  ).rows[0];
  checkQueryCode(r, code);
  const events = (
    await sql<{
      transition: string;
      to_state: string;
      at: Date;
    }>`select transition, to_state, at from core.case_event where case_id = ${r.id} order by seq`.execute(ctx.db)
  ).rows;
  const def = workflowOf(DIBAO_TYPE);
  const benefit = typeof r.benefit === 'string' ? JSON.parse(r.benefit) : r.benefit;
  const missing = typeof r.missing_materials === 'string' ? JSON.parse(r.missing_materials) : r.missing_materials;
  return {
    refNo: r.ref_no,
    state: r.state,
    stateLabel: PUBLIC_STEPS[r.state] ?? def.states[r.state as never]?.label ?? r.state,
    township: r.township,
    approvingLevel: r.relative_of_staff ? AUTHORITY_LABEL.county : AUTHORITY_LABEL[r.authority as 'county'],
    acceptedOn: r.accepted_on,
    dueDate: r.decision ? null : dateText(r.due_date),
    decidedOn: r.decided_on,
    decision: r.decision,
    benefit: benefit ? { amountYuan: yuanText(benefit.amountCents), benefitFrom: benefit.benefitFrom, steps: benefit.steps } : null,
    refusalReasons: r.refusal_reasons,
    notAcceptedReason: r.not_accepted_code ? `${r.not_accepted_code}:${r.not_accepted_reason}` : null,
    missingMaterials: r.state === 'supplementing' ? (missing?.items ?? []) : [],
    publicity: r.pf ? { from: r.pf, to: r.pt } : null,
    notices: await servedNotices(ctx, r.id),
    steps: events.map((e) => ({
      at: e.at.toISOString(),
      label:
        def.transitions[e.transition]?.label ??
        (e.transition === 'create'
          ? '提交申请'
          : e.transition === 'acknowledge'
            ? '县级民政部门签收'
            : e.transition === 'transfer'
              ? '报送县级民政部门'
              : e.transition),
      state: PUBLIC_STEPS[e.to_state] ?? e.to_state,
    })),
  };
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * 分档 as the household sees it (the bands computeBenefit uses, lowest income first): 第一档 covers a per-capita
 * monthly income from 0 up to its limit, each next band from the previous limit; the amount is per insured person.
 */
function publicBands(bands: Band[]) {
  let from = 0;
  return [...bands]
    .sort((a, b) => a.belowCents - b.belowCents)
    .map((b, i) => {
      const band = {
        name: `第${NUMERALS[i] ?? i + 1}档`,
        incomeFromYuan: yuanText(from),
        incomeBelowYuan: yuanText(b.belowCents),
        perPersonYuan: yuanText(b.perPersonCents),
      };
      from = b.belowCents;
      return band;
    });
}

/** 当地保障标准 for a county / township / village code, urban and rural, today. */
export async function publicStandard(ctx: AppContext, areaCode: string) {
  const a = await ctx.db.selectFrom('core.area').select(['code', 'name', 'path', 'level']).where('code', '=', areaCode).executeTakeFirst();
  if (!a) throw badRequest('DIBAO_AREA_UNKNOWN', `「地区」${areaCode} 不存在`, { field: 'area' });
  const today = chinaDate(ctx.clock.now());
  const out = [];
  for (const kind of ['urban', 'rural'] as const) {
    const s = await findStandard(ctx.db, a.path, kind, today);
    out.push({
      kind,
      label: kind === 'urban' ? '城市低保' : '农村低保',
      monthlyYuan: s ? yuanText(s.monthlyCents) : null,
      effectiveFrom: s?.effectiveFrom ?? null,
      document: s?.document ?? null,
      isDemo: s?.isDemo ?? false,
      method: s?.method ?? null,
      bands: s?.method === 'banded' ? publicBands(s.bands ?? []) : null,
    });
  }
  const county = a.path.split('.')[2];
  const regime = county ? await regimeOn(ctx.db, county, today) : null;
  return {
    areaCode: a.code,
    areaName: a.name,
    today,
    standards: out,
    approvingLevel: regime ? AUTHORITY_LABEL[regime.authority] : null,
    materials: [...MATERIALS],
  };
}

/** Townships that accept applications (for the portal's area picker), with their villages. */
export async function publicTownships(ctx: AppContext) {
  const rows = (
    await sql<{ code: string; name: string; level: number; parent_code: string; county: string }>`
    select a.code, a.name, a.level, a.parent_code, c.name as county from core.area a join core.area c on c.code = split_part(a.path, '.', 3)
    where a.level in (4, 5) and a.active and exists (select 1 from core.org_unit o where o.area_code = split_part(a.path, '.', 4) and o.kind = 'township_office' and o.active)
    order by a.path`.execute(ctx.db)
  ).rows;
  return { items: rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, county: r.county })) };
}
