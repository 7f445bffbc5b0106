import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { sm3Hex } from '../../../platform/crypto/sm3.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { SYSTEM_ACTOR, type Actor } from '../../../kernel/identity/index.ts';
import { spendSolution } from '../../../kernel/portal/index.ts';
import { createCase } from '../../../kernel/workflow/index.ts';
import { DISCLOSURE_ERRORS as E, REQUEST_TYPE, type Channel } from '../contracts/labels.ts';
import { PortalRequestInput, RegisterRequestInput } from '../contracts/inputs.ts';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const newQueryCode = () => Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
export const queryCodeHash = (refNo: string, code: string) => sm3Hex(`disclosure-query:${refNo}:${code.trim().toUpperCase()}`);

type Stored = RegisterRequestInput & { channel: Channel; orgUnitId: string };

async function store(tx: AppContext, actor: Actor, input: Stored, opts: { demo?: boolean; system?: boolean; queryHash?: (ref: string) => string }) {
  const row = await createCase(tx, actor, {
    type: REQUEST_TYPE,
    title: `政府信息公开申请：${input.content.replace(/\s+/g, ' ')}`.slice(0, 60),
    orgUnitId: input.orgUnitId,
    input: { receivedOn: input.receivedOn },
    system: opts.system,
  });
  await sql`insert into disclosure.request (case_id, channel, applicant_kind, applicant_name, contact, content, purpose, form, received_on, year,
      query_code_hash, is_demo, created_at)
    values (${row.id}, ${input.channel}, ${input.applicantKind}, ${input.applicantName}, ${input.contact}, ${input.content}, ${input.purpose ?? null},
      ${input.form}, ${input.receivedOn}::date, ${Number(input.receivedOn.slice(0, 4))}, ${opts.queryHash?.(row.ref_no) ?? null}, ${!!opts.demo}, ${tx.clock.now()})`.execute(
    tx.db,
  );
  return row;
}

/**
 * A request staff register (letter, fax, visit; also a portal request typed in for someone). The
 * receipt date is the one 第三十一条 gives for the channel, never after today; the query code is
 * returned once so the applicant can follow it on the portal.
 */
export async function registerRequest(ctx: AppContext, actor: Actor, raw: unknown, opts: { demo?: boolean } = {}) {
  const input = parseInput(RegisterRequestInput, raw);
  if (input.receivedOn > chinaDate(ctx.clock.now())) throw badRequest('VALIDATION_FAILED', E.RECEIVED_IN_FUTURE, { field: 'receivedOn' });
  const code = newQueryCode();
  const row = await withTx(ctx, (tx) =>
    store(tx, actor, { ...input, orgUnitId: input.orgUnitId ?? actor.orgUnitId }, { demo: opts.demo, queryHash: (ref) => queryCodeHash(ref, code) }),
  );
  return { id: row.id, refNo: row.ref_no, state: row.state, queryCode: code };
}

/**
 * 网上申请 (no login): field checks first, then the proof of work and the registration in one
 * transaction, so a refused request spends and writes nothing. Received the day it is sent (the
 * portal confirms it at once, 第三十一条第(三)项).
 */
export async function submitPortalRequest(ctx: AppContext, raw: unknown, pow: unknown) {
  const input = parseInput(PortalRequestInput, raw);
  const org = await ctx.db.selectFrom('core.org_unit').select(['id']).where('code', '=', input.office).where('active', '=', true).executeTakeFirst();
  if (!org) throw new AppError('VALIDATION_FAILED', 400, '「受理机关」不存在，请从列表中选择（Unknown office）', { field: 'office' });
  const code = newQueryCode();
  const { office: _office, ...rest } = input;
  const row = await withTx(ctx, async (tx) => {
    await spendSolution(tx, pow);
    return store(
      tx,
      SYSTEM_ACTOR,
      { ...rest, channel: '网上申请', receivedOn: chinaDate(ctx.clock.now()), orgUnitId: org.id },
      { system: true, queryHash: (ref) => queryCodeHash(ref, code) },
    );
  });
  return {
    refNo: row.ref_no,
    queryCode: code,
    receivedOn: chinaDate(ctx.clock.now()),
    notice: '申请已收到。请妥善保存申请编号和查询码（只显示这一次），凭两者可查询办理进度、提交补正和下载答复书。',
  };
}
