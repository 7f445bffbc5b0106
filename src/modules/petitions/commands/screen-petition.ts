import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import type { CaseRow } from '../../../kernel/workflow/index.ts';
import { NOTICE_METHODS, PETITION_ERRORS, REFUSAL_CODES, REFUSAL_REASONS, type RefusalCode } from '../contract.ts';
import { petitionLawToday } from '../law.ts';

const servedFields = {
  servedMethod: z.enum(NOTICE_METHODS, { message: '告知方式须为当场书面告知、邮寄送达、网上告知或短信告知' }).meta({ title: '告知方式' }).optional(),
  servedOn: z.iso.date('告知日期格式应为 YYYY-MM-DD').meta({ title: '告知日期' }).optional(),
};

export const AcceptInput = z.object({
  notice: z.string().trim().max(2000, '受理告知书不超过 2000 字').meta({ title: '受理告知书（留空则使用标准文本）' }).optional(),
  ...servedFields,
});
export const RefuseInput = z
  .object({
    reasonCode: z.enum(REFUSAL_CODES, { message: '请选择不予受理的法定理由' }).meta({ title: '不予受理理由' }),
    detail: z.string().trim().max(2000, '补充说明不超过 2000 字').meta({ title: '补充说明（不再受理的，写明判断为同一事实和理由的理由）' }).optional(),
    originalRefNo: z.string().trim().max(40, '原信访事项编号不超过 40 字').meta({ title: '原信访事项编号（已复核终结）' }).optional(),
    ...servedFields,
  })
  .superRefine((v, c) => {
    if (v.reasonCode !== 'rechecked_final') return;
    if (!v.originalRefNo) c.addIssue({ code: 'custom', path: ['originalRefNo'], message: '以「已复核终结」不再受理的，须填写已复核终结的原信访事项编号' });
    if (!v.detail || v.detail.length < 10)
      c.addIssue({ code: 'custom', path: ['detail'], message: '以「已复核终结」不再受理的，须写明判断为同一事实和理由的理由（不少于 10 字）' });
  });
/** Records afterwards how and when the 受理 / 不予受理 notice reached the petitioner. */
export const NoticeServiceInput = z.object({
  servedMethod: z.enum(NOTICE_METHODS, { message: '告知方式须为当场书面告知、邮寄送达、网上告知或短信告知' }).meta({ title: '告知方式' }),
  servedOn: z.iso.date('告知日期格式应为 YYYY-MM-DD').meta({ title: '告知日期' }),
});

type Served = { servedMethod?: string; servedOn?: string };
function checkServed(tx: AppContext, s: Served): void {
  if (!!s.servedMethod !== !!s.servedOn)
    throw badRequest('VALIDATION_FAILED', '告知方式和告知日期须同时填写', { field: s.servedMethod ? 'servedOn' : 'servedMethod' });
  if (s.servedOn && s.servedOn > chinaDate(tx.clock.now())) throw badRequest('VALIDATION_FAILED', '「告知日期」不能晚于今天', { field: 'servedOn' });
}

/** 受理告知书 text when the handler writes none (written notice of receipt and procedure, in the words of the rule in force: law.ts). */
async function defaultAcceptanceNotice(tx: AppContext, c: CaseRow): Promise<string> {
  const r = (
    await sql<{
      received_on: string | null;
      created_at: Date;
      org: string;
    }>`select p.received_on::text as received_on, p.created_at, o.name as org from petitions.petition p
    join core.org_unit o on o.id = ${c.org_unit_id} where p.case_id = ${c.id}`.execute(tx.db)
  ).rows[0];
  const received = r?.received_on ?? (r ? chinaDate(new Date(r.created_at)) : chinaDate(c.created_at));
  return (
    `信访人：您于 ${received} 提出的信访事项（编号 ${c.ref_no}）已于 ${chinaDate(tx.clock.now())} 由${r?.org ?? '本机关'}受理。` +
    petitionLawToday(tx).handleSentence +
    '您可凭信访事项编号查询办理进度。'
  );
}

/** 受理: the 受理告知书 and, when already served, how and when. */
export async function storeAcceptance(tx: AppContext, c: CaseRow, input: z.output<typeof AcceptInput>): Promise<void> {
  checkServed(tx, input);
  const notice = input.notice || (await defaultAcceptanceNotice(tx, c));
  await sql`update petitions.petition set acceptance_notice = ${notice}, accepted_at = ${tx.clock.now()},
    acceptance_served_method = ${input.servedMethod ?? null}, acceptance_served_on = ${input.servedOn ?? null}::date where case_id = ${c.id}`.execute(tx.db);
}

/** A 民政 bureau below the holder whose area contains the concerned area (本系统下级机关), if any. */
async function lowerCivilAffairsOrg(tx: AppContext, c: CaseRow): Promise<string | null> {
  const r = (
    await sql<{ name: string }>`select o.name from petitions.petition p join core.org_unit h on h.id = ${c.org_unit_id}
      join core.org_unit o on o.kind = 'bureau' and o.active and length(o.area_path) > length(h.area_path)
        and (p.concerned_area_path = o.area_path or p.concerned_area_path like o.area_path || '.%')
        and (o.area_path like h.area_path || '.%')
      where p.case_id = ${c.id} order by length(o.area_path) desc limit 1`.execute(tx.db)
  ).rows[0];
  return r?.name ?? null;
}

/**
 * 不予受理 checks, then the statutory reason, its basis and the guidance told to the petitioner.
 * Only a person refuses (never the system); 越级走访 only for visits (第二十条第一款); 不属于本机关职权范围
 * not while a lower 民政 bureau is competent (then 转送、交办, 第二十三条第一款); 不再受理 after 复核 only
 * with the 复核终结 matter named and the handler's reasons (第三十六条第三款).
 */
export async function storeRefusal(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof RefuseInput>): Promise<void> {
  // Never the system on its own (it holds no grant): a handler decides.
  if (!actor.grants.some((g) => g.permissions.includes('petition.handle')))
    throw new AppError('PETITION_REFUSAL_NOT_ALLOWED', 409, PETITION_ERRORS.AUTO_REFUSAL);
  checkServed(tx, input);
  const p = (await sql<{ channel: string }>`select channel from petitions.petition where case_id = ${c.id}`.execute(tx.db)).rows[0];
  const code: RefusalCode = input.reasonCode;
  if (code === 'skip_level_visit' && p?.channel !== '来访')
    throw new AppError(
      'PETITION_REFUSAL_NOT_ALLOWED',
      409,
      '「越级走访」只适用于来访（《信访工作条例》第二十条第一款）；来信、网上信访和电话不属越级走访，不能以此不予受理',
      {
        field: 'reasonCode',
      },
    );
  if (code === 'not_competent') {
    const lower = await lowerCivilAffairsOrg(tx, c);
    if (lower)
      throw new AppError(
        'PETITION_REFUSAL_NOT_ALLOWED',
        409,
        `问题发生地有本系统下级机关「${lower}」：属本系统下级机关职权范围的，应当转送、交办并告知信访人去向（《信访工作条例》第二十三条第一款），不能以「不属于本机关职权范围」不予受理`,
        { field: 'reasonCode', lowerOrg: lower },
      );
  }
  let original: string | null = null;
  if (code === 'rechecked_final') {
    const o = (
      await sql<{ id: string; state: string }>`select id, state from core.case where ref_no = ${input.originalRefNo!} and type = 'petition'`.execute(tx.db)
    ).rows[0];
    if (!o) throw badRequest('VALIDATION_FAILED', '「原信访事项编号」不存在', { field: 'originalRefNo' });
    if (o.state !== 'final')
      throw badRequest('VALIDATION_FAILED', `原信访事项 ${input.originalRefNo} 尚未复核终结，不能以「已复核终结」不再受理`, { field: 'originalRefNo' });
    original = o.id;
  }
  const r = REFUSAL_REASONS[code];
  const detail = code === 'rechecked_final' ? `原信访事项 ${input.originalRefNo} 已复核终结。${input.detail}` : input.detail || null;
  await sql`update petitions.petition set refusal_code = ${code}, refusal_reason = ${r.label}, refusal_basis = ${petitionLawToday(tx).refusal[code]}, refusal_guidance = ${r.guidance},
    refusal_detail = ${detail}, refused_at = ${tx.clock.now()}, refused_auto = false, final_match_of = coalesce(${original}::uuid, final_match_of),
    refusal_served_method = ${input.servedMethod ?? null}, refusal_served_on = ${input.servedOn ?? null}::date where case_id = ${c.id}`.execute(tx.db);
}

/** 告知送达 recorded after the move: which notice follows from the state (受理 or 不予受理). */
export async function storeNoticeService(tx: AppContext, c: CaseRow, input: z.output<typeof NoticeServiceInput>) {
  checkServed(tx, input);
  const p = (
    await sql<{ accepted_at: Date | null; refused_at: Date | null }>`select accepted_at, refused_at from petitions.petition where case_id = ${c.id}`.execute(
      tx.db,
    )
  ).rows[0];
  if (p?.refused_at) {
    await sql`update petitions.petition set refusal_served_method = ${input.servedMethod}, refusal_served_on = ${input.servedOn}::date where case_id = ${c.id}`.execute(
      tx.db,
    );
    return { notice: '不予受理告知书' as const, ...input };
  }
  if (!p?.accepted_at) throw new AppError('STATE_NOT_ALLOWED', 409, '尚未受理或不予受理，没有可送达的告知书');
  await sql`update petitions.petition set acceptance_served_method = ${input.servedMethod}, acceptance_served_on = ${input.servedOn}::date where case_id = ${c.id}`.execute(
    tx.db,
  );
  return { notice: '受理告知书' as const, ...input };
}
