import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { encryptPii } from '../../../platform/crypto/pii.ts';
import { sm3Hex } from '../../../platform/crypto/sm3.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { requirePermission, SYSTEM_ACTOR, userRef, type Actor } from '../../../kernel/identity/index.ts';
import { spendSolution } from '../../../kernel/portal/index.ts';
import { ENFORCEMENT_PERMISSIONS as P } from '../contracts/labels.ts';
import { TIPOFF_ERRORS as E, type TipoffChannel } from '../contracts/tipoff-labels.ts';
import { PortalTipoffInput, ReceiveTipoffInput } from '../contracts/tipoff-inputs.ts';
import { replyDue } from './reply-period.ts';
import { OFFICE_CODE } from './offices.ts';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newQueryCode = () => Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
export const queryCodeHash = (refNo: string, code: string) => sm3Hex(`enforcement-tipoff:${refNo}:${code.trim().toUpperCase()}`);

type Unit = { id: string; area_code: string; area_path: string };
type Stored = Omit<ReceiveTipoffInput, 'channel'> & { channel: TipoffChannel };

/**
 * One 举报 row: numbered `JB-<area>-<year>-<serial>` per handling unit and year (the table is locked
 * for the count), informant name and phone encrypted with SM4, the 查询码 kept as an SM3 hash only.
 */
async function store(tx: AppContext, actor: Actor, unit: Unit, input: Stored, code: string, demo: boolean) {
  await sql`lock table enforcement.tipoff in share row exclusive mode`.execute(tx.db);
  const year = input.receivedOn.slice(0, 4);
  const n = (
    await sql<{
      n: number;
    }>`select count(*)::int as n from enforcement.tipoff where org_unit_id = ${unit.id} and extract(year from received_on) = ${Number(year)}`.execute(tx.db)
  ).rows[0]!.n;
  const refNo = `JB-${unit.area_code}-${year}-${String(n + 1).padStart(5, '0')}`;
  const id = uuidv7(tx.clock.now().getTime());
  const due = await replyDue(tx, input.receivedOn, unit.area_path);
  const enc = async (v: string | undefined) => (v ? encryptPii(tx, v) : null);
  await sql`insert into enforcement.tipoff (id, ref_no, org_unit_id, area_path, channel, received_on, reported_party, reported_party_code, content,
      informant_name, informant_phone, query_code_hash, reply_due, is_demo, created_by, created_at)
    values (${id}, ${refNo}, ${unit.id}, ${unit.area_path}, ${input.channel}, ${input.receivedOn}::date, ${input.reportedParty},
      ${input.reportedPartyCode ?? null}, ${input.content}, ${await enc(input.informantName)}, ${await enc(input.informantPhone)},
      ${queryCodeHash(refNo, code)}, ${due}::date, ${demo}, ${userRef(actor)}, ${tx.clock.now()})`.execute(tx.db);
  await recordAudit(tx, {
    actor,
    action: 'enforcement.tipoff.receive',
    entityType: 'enforcement_tipoff',
    entityId: id,
    areaPath: unit.area_path,
    orgUnitId: unit.id,
    // The informant's identity stays out of the audit trail: only whether one was given.
    after: { refNo, channel: input.channel, reportedParty: input.reportedParty, named: !!input.informantName },
  });
  return { id, refNo, replyDue: due };
}

/** Staff register a 举报 received in person, by phone or by letter (their own unit handles it); the 查询码 is shown once. */
export async function receiveTipoff(ctx: AppContext, actor: Actor, raw: unknown, opts: { demo?: boolean } = {}) {
  requirePermission(actor, P.handle);
  const input = parseInput(ReceiveTipoffInput, raw);
  if (input.receivedOn > chinaDate(ctx.clock.now())) throw badRequest('VALIDATION_FAILED', E.FUTURE('收到日期'), { field: 'receivedOn' });
  const unit = await ctx.db.selectFrom('core.org_unit').select(['id', 'area_code', 'area_path']).where('id', '=', actor.orgUnitId).executeTakeFirstOrThrow();
  const code = newQueryCode();
  const r = await withTx(ctx, (tx) => store(tx, actor, unit, input, code, !!opts.demo));
  return { ...r, queryCode: code };
}

/** The portal form (no login): fields first, then the proof of work and the row in one transaction. Received today. */
export async function submitPortalTipoff(ctx: AppContext, raw: unknown, pow: unknown) {
  const { office, ...input } = parseInput(PortalTipoffInput, raw);
  const unit = (await sql<Unit>`select u.id, u.area_code, u.area_path from core.org_unit u where u.code = ${office} and ${OFFICE_CODE}`.execute(ctx.db))
    .rows[0];
  if (!unit) throw new AppError('VALIDATION_FAILED', 400, E.OFFICE_UNKNOWN, { field: 'office' });
  const code = newQueryCode();
  const receivedOn = chinaDate(ctx.clock.now());
  const r = await withTx(ctx, async (tx) => {
    await spendSolution(tx, pow);
    return store(tx, SYSTEM_ACTOR, unit, { ...input, channel: '门户网站', receivedOn }, code, false);
  });
  return {
    refNo: r.refNo,
    queryCode: code,
    receivedOn,
    replyDue: r.replyDue,
    notice: `举报已收到。请妥善保存举报编号和查询码（只显示这一次），凭两者可查询处理结果和答复。我们将在 ${r.replyDue} 前答复；举报人信息依法保密。`,
  };
}
