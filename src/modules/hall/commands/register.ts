import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { badRequest } from '../../../platform/errors.ts';
import { sm3Hex } from '../../../platform/crypto/sm3.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { SYSTEM_ACTOR, type Actor } from '../../../kernel/identity/index.ts';
import { spendSolution } from '../../../kernel/portal/index.ts';
import { createCase } from '../../../kernel/workflow/index.ts';
import { APPLICATION_TYPE, HALL_ERRORS, type Channel } from '../contract.ts';
import { ApplicationInput } from '../contracts/inputs.ts';
import { findHallItem } from '../items.ts';
import { checkForm } from './check-form.ts';
import { checkMaterialFiles, storeMaterialFiles, type Material, type MaterialUpload } from './materials.ts';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newQueryCode = () => Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
/** Only this SM3 hash is stored, salted with the reference number. */
export const queryCodeHash = (refNo: string, code: string) => sm3Hex(`hall-query:${refNo}:${code.trim().toUpperCase()}`);

type Opts = { channel: Channel; system: boolean; isDemo?: boolean; queryCode?: string; files?: MaterialUpload[] };

/** The county civil-affairs bureau of a 6-digit area that runs a hall window. */
async function officeOf(ctx: AppContext, areaCode: string) {
  const o = (
    await sql<{
      id: string;
      name: string;
    }>`select id, name from core.org_unit where area_code = ${areaCode} and kind = 'bureau' and active order by code limit 1`.execute(ctx.db)
  ).rows[0];
  if (!o) throw badRequest('HALL_OFFICE_UNKNOWN', HALL_ERRORS.OFFICE_UNKNOWN, { field: 'areaCode' });
  return o;
}

/**
 * An application as a case: at the window (一窗受理, the clerk registers it, `actor`) or online
 * (the system registers it for the citizen). The form and the uploaded material files are checked
 * against the item; required materials with no file are recorded for the 一次性告知. The files are
 * stored with the case, in its transaction. The 承诺时限 clock starts.
 */
export async function registerApplication(ctx: AppContext, actor: Actor, raw: unknown, opts: Opts) {
  const input = parseInput(ApplicationInput, raw);
  const item = await findHallItem(ctx, input.itemCode, input.areaCode);
  if (!item) throw badRequest('HALL_ITEM_UNKNOWN', HALL_ERRORS.ITEM_UNKNOWN, { field: 'itemCode' });
  if (opts.channel === '网上' && item.depth === '信息公开') throw badRequest('HALL_ITEM_OFFLINE', HALL_ERRORS.ITEM_OFFLINE_ONLY, { field: 'itemCode' });
  const form = checkForm(item, input.form);
  const files = checkMaterialFiles(item.materials, opts.files ?? []);
  const provided = item.materials.filter((m) => files.some((f) => f.material === m.name)).map((m) => m.name);
  const missing = item.materials.filter((m) => m.required && !provided.includes(m.name)).map((m) => m.name);
  const office = await officeOf(ctx, input.areaCode);
  const code = opts.system ? newQueryCode() : null;
  const draft: ApplicationDraft = {
    itemCode: item.code,
    itemName: item.name,
    promiseWorkdays: item.promiseWorkdays,
    depth: item.depth,
    itemSource: item.source,
    implCode: item.implCode ?? null,
    channel: opts.channel,
    applicant: input.applicant,
    phone: input.phone,
    form,
    materials: provided,
    missing,
    materialList: item.materials,
    window: item.window,
    registeredBy: opts.system ? null : actor.userId,
    visits: opts.channel === '窗口' ? 1 : 0,
    isDemo: opts.isDemo ?? false,
  };
  return withTx(ctx, async (tx) => {
    if (opts.channel === '网上' && !opts.isDemo) await spendSolution(tx, (raw as { pow?: unknown }).pow);
    const c = await createCase(tx, opts.system ? SYSTEM_ACTOR : actor, {
      type: APPLICATION_TYPE,
      title: `${item.name}：${input.applicant}`,
      orgUnitId: office.id,
      system: opts.system,
      input: draft,
    });
    await storeMaterialFiles(tx, c.id, opts.system ? SYSTEM_ACTOR : actor, files);
    if (code) await sql`update hall.application set query_code_hash = ${queryCodeHash(c.ref_no, code)} where case_id = ${c.id}`.execute(tx.db);
    return { id: c.id, refNo: c.ref_no, state: c.state, office: office.name, window: item.window, dueDate: c.due_date, missing, queryCode: code };
  });
}

/** The application row the create step writes (hall.application), before the 承诺时限 clock starts. */
export type ApplicationDraft = {
  itemCode: string;
  itemName: string;
  /** The item's 承诺时限 on the day of application (the rule in force on the date of the act). */
  promiseWorkdays: number;
  depth: string;
  itemSource: 'hall' | 'catalogue';
  implCode: string | null;
  channel: Channel;
  applicant: string;
  phone: string;
  form: Record<string, string>;
  materials: string[];
  missing: string[];
  /** The item's materials list on the day (the area's implementation list when it names them). */
  materialList: Material[];
  window: string;
  registeredBy: string | null;
  visits: number;
  isDemo: boolean;
};

export async function insertApplication(tx: AppContext, caseId: string, d: ApplicationDraft) {
  await sql`insert into hall.application (case_id, item_code, item_name, promise_workdays, depth, item_source, impl_code, channel, applicant, phone, form, materials, missing, material_list, service_window, registered_by, visits, is_demo, created_at)
    values (${caseId}, ${d.itemCode}, ${d.itemName}, ${d.promiseWorkdays}, ${d.depth}, ${d.itemSource}, ${d.implCode}, ${d.channel}, ${d.applicant}, ${d.phone}, ${JSON.stringify(d.form)}::jsonb, ${JSON.stringify(d.materials)}::jsonb,
      ${JSON.stringify(d.missing)}::jsonb, ${JSON.stringify(d.materialList)}::jsonb, ${d.window}, ${d.registeredBy}, ${d.visits}, ${d.isDemo}, ${tx.clock.now()})`.execute(
    tx.db,
  );
}
