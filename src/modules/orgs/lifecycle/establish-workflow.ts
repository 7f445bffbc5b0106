import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { AppError, conflict } from '../../../platform/errors.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { creation, defineWorkflow, nextNumber, transition, type CaseRow } from '../../../kernel/workflow/index.ts';
import { issueDocument } from '../../../kernel/documents/index.ts';
import { orgCertificate } from '../documents/certificate.ts';
import { orgsDb } from '../db.ts';
import { emitEstablishmentDecided, type EstablishmentDecided } from '../events.ts';
import { ORG_KIND_LABEL } from '../contract.ts';
import { checkNameAt } from '../names/run-name-check.ts';
import { shortAreaName } from '../names/name-rules.ts';
import { authorityById, type Authority } from '../registry/authority.ts';
import { insertOrganization } from '../registry/create-org.ts';
import { usccFor } from '../registry/uscc-for.ts';
import { APPLICATION_FACTS, applicationFacts, applicationOf, decide } from './application-facts.ts';
import { ApproveEstablishInput, EstablishInput, RefuseInput } from './application-input.ts';

export const ESTABLISH_TYPE = 'orgs_establish';
/** 成立登记 decision period: 60 days from receiving all valid documents, the same in the three regulations. */
export const ESTABLISH_BASIS = '《社会团体登记管理条例》第十二条、《民办非企业单位登记管理暂行条例》第十一条、《基金会管理条例》第十一条';
const who = { permission: 'orgs.register', party: 'any' } as const;

/** 登记证书 number: per authority and year, gapless (宁夏社证字〔2026〕第3号 / 兴庆社证字〔2026〕第1号). */
export async function nextCertificateNo(tx: AppContext, authority: Authority, day: string): Promise<string> {
  const year = Number(day.slice(0, 4));
  const n = await nextNumber(tx, 'orgs.certificate', year, authority.id);
  return `${shortAreaName(authority.chain.at(-1) ?? '宁夏')}社证字〔${year}〕第${n}号`;
}

async function approve(tx: AppContext, actor: Actor, c: CaseRow, input: z.infer<typeof ApproveEstablishInput>) {
  const a = await applicationOf(tx, c.id);
  const p = EstablishInput.parse(a.payload);
  const authority = await authorityById(tx, a.authority_org_unit_id);
  const uscc = usccFor(input.uscc, p.kind, authority.areaCode);
  const taken = await orgsDb(tx.db).selectFrom('orgs.organization').select('name').where('uscc', '=', uscc).executeTakeFirst();
  if (taken) throw conflict('ORG_USCC_TAKEN', `统一社会信用代码“${uscc}”已被“${taken.name}”使用。`);
  const check = await checkNameAt(tx, authority, p.name, p.kind);
  if (!check.ok) throw new AppError('ORG_NAME_REJECTED', 409, `名称未通过名称审核，不能准予登记（可作出不予登记决定）：${check.explanation}`);
  const day = chinaDate(tx.clock.now());
  const certificateNo = await nextCertificateNo(tx, authority, day);
  const id = await insertOrganization(tx, actor, authority, { ...p, uscc, name: check.name, nameKey: check.key, registeredOn: day, certificateNo });
  await orgsDb(tx.db).updateTable('orgs.application').set({ organization_id: id }).where('case_id', '=', c.id).execute();
  await decide(tx, c.id, { decision: '准予登记', on: day, certificateNo });
  const doc = await issueDocument(tx, { type: orgCertificate, caseId: c.id, actor });
  await announce(tx, c, { decision: '准予登记', decidedOn: day, reason: null, certificateNo, certificateDocumentId: doc.id, by: actor });
}

async function refuse(tx: AppContext, actor: Actor, c: CaseRow, reason: string) {
  const day = chinaDate(tx.clock.now());
  await decide(tx, c.id, { decision: '不予登记', on: day, reason });
  await announce(tx, c, { decision: '不予登记', decidedOn: day, reason, certificateNo: null, certificateDocumentId: null, by: actor });
}

/** The decision, for the module that handed the application over (in this transaction). */
async function announce(tx: AppContext, c: CaseRow, d: Omit<EstablishmentDecided, 'caseId' | 'refNo' | 'originCaseId'>) {
  const a = await applicationOf(tx, c.id);
  await emitEstablishmentDecided(tx, { caseId: c.id, refNo: c.ref_no, originCaseId: a.origin_case_id, ...d });
}

/** 成立登记: 收件 (documents complete) → 准予登记 (registry row, 登记证书号) or 不予登记 (reasons), within 60 days. */
export const establishWorkflow = defineWorkflow({
  type: ESTABLISH_TYPE,
  label: '社会组织成立登记',
  refPrefix: 'SZCL',
  readPermission: 'orgs.read',
  states: { filed: { label: '审查中' }, approved: { label: '准予登记', terminal: true }, refused: { label: '不予登记', terminal: true } },
  initial: 'filed',
  create: creation({
    label: '收件（全部有效文件收齐）',
    route: '/api/orgs/establishments',
    who,
    input: EstablishInput,
    clocks: {
      startOn: (input) => input.documentsCompleteOn,
      start: [{ name: 'decide', label: '成立登记决定期限（60日）', rule: { unit: 'days', n: 60 }, legalBasis: ESTABLISH_BASIS }],
    },
  }),
  facts: APPLICATION_FACTS,
  readFacts: applicationFacts,
  transitions: {
    approve: transition({
      label: '准予登记',
      from: ['filed'],
      to: 'approved',
      who,
      input: ApproveEstablishInput,
      clocks: { stop: ['decide'] },
      effect: async ({ tx, case: c, input, actor }) => approve(tx, actor, c, input),
    }),
    refuse: transition({
      label: '不予登记',
      from: ['filed'],
      to: 'refused',
      who,
      input: RefuseInput,
      clocks: { stop: ['decide'] },
      effect: async ({ tx, case: c, input, actor }) => refuse(tx, actor, c, input.reason),
    }),
  },
});

export const establishTitle = (p: z.infer<typeof EstablishInput>) => `${ORG_KIND_LABEL[p.kind]}成立登记：${p.name}`;
