import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { unitOfficers } from '../../enforcement/contract.ts';
import { inspectionItemsOf, recordInspection } from '../../catalogue/contract.ts';
import type { Inspector } from './spot-check-rules.ts';

const json = <T>(v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const METHOD_LABEL = { desk: '书面检查', onsite: '现场检查' } as const;

export type SpotInspectionReport = {
  method: 'desk' | 'onsite';
  inspectedOn: string;
  problems: boolean;
  inspectionCode?: string | null;
  officerIds?: readonly string[] | null;
  noticeNo: string | null;
  rectifyBy: string | null;
};

/** An officer who carried out the inspection, as the item keeps it (`inspected_by`). */
export type InspectedBy = { officerId: string; name: string; certNo: string };

/**
 * The team that inspected: the officers picked when recording it (certified officers of the authority's area, none
 * with a declared 回避 for this organization), else the drawn team when it is of officers; null for a team of names.
 */
async function inspectingOfficers(tx: AppContext, s: any, it: any, r: SpotInspectionReport) {
  const pool = json<Inspector[]>(s.inspectors);
  let ids: string[];
  if (r.officerIds?.length) {
    ids = [...new Set(r.officerIds)];
    if (ids.length < 2) throw new AppError('VALIDATION_FAILED', 400, '行政检查应由两名以上执法人员实施。', { field: 'officerIds' });
  } else {
    const byName = new Map(pool.map((i) => [i.name, i]));
    const team = json<string[]>(it.inspectors).map((n) => byName.get(n));
    if (team.length < 2 || team.some((m) => !m?.officerId)) return null;
    ids = team.map((m) => m!.officerId!);
  }
  const officers = await unitOfficers(tx, { ids, day: r.inspectedOn });
  for (const id of ids) {
    const o = officers.find((x) => x.id === id);
    if (!o || o.areaPath !== s.authority_area_path)
      throw new AppError('VALIDATION_FAILED', 400, '所选检查人员不是本登记管理机关的执法人员。', { field: 'officerIds' });
    if (o.problem) throw new AppError('ORG_INSPECTOR_NOT_CERTIFIED', 422, `${o.name}：${o.problem}，不能实施行政检查（持证执法）。`, { field: 'inspectedOn' });
    if (pool.some((i) => i.officerId === id && i.conflicts?.includes(it.uscc)))
      throw new AppError('VALIDATION_FAILED', 400, `${o.name}与${it.name}有利害关系，应当回避。`, { field: 'officerIds' });
  }
  return ids.map((id) => officers.find((x) => x.id === id)!);
}

/**
 * 互联网+监管: the inspection of a drawn organization as a 检查行为 (catalogue's recordInspection, in this transaction,
 * `pending` until another person of the office reviews it: 谁监管、谁录入、谁审核). Its team must be certified officers —
 * picked when recording, or the drawn team — holding a 行政执法证 valid on the day, else 422 (持证执法); a drawn team of
 * free-text names with none picked is not reported, and says why. The item is the one named, else the authority's only
 * approved 检查实施清单 item for 社会组织; several → 400 asking which; none → not reported. Returns what the item row keeps.
 */
export async function reportSpotInspection(tx: AppContext, actor: Actor, s: any, it: any, r: SpotInspectionReport) {
  const officers = await inspectingOfficers(tx, s, it, r);
  const inspectedBy: InspectedBy[] | null = officers?.map((o) => ({ officerId: o.id, name: o.name, certNo: o.certNo })) ?? null;
  if (!officers) return { code: null, recordId: null, inspectedBy, note: '检查人员为自由填写的名录，没有执法证号，未报送互联网+监管。' };
  const all = await inspectionItemsOf(tx, { orgUnitId: s.authority_org_unit_id });
  const ours = all.filter((i) => i.objects === '社会组织');
  let code = r.inspectionCode ?? null;
  if (code && !all.some((i) => i.code === code))
    throw new AppError('VALIDATION_FAILED', 400, `检查实施清单编码 ${code} 不是本登记管理机关审核通过的检查实施清单事项。`, { field: 'inspectionCode' });
  if (!code && ours.length > 1)
    throw new AppError(
      'VALIDATION_FAILED',
      400,
      `本机关有${ours.length}个社会组织检查实施清单事项，请选择本次检查执行的事项：${ours.map((i) => `${i.code}（${i.name}）`).join('；')}。`,
      { field: 'inspectionCode' },
    );
  code ??= ours[0]?.code ?? null;
  if (!code) return { code: null, recordId: null, inspectedBy, note: '本登记管理机关没有审核通过的社会组织检查实施清单事项，未报送互联网+监管。' };
  const o = (await sql<{ domicile: string | null }>`select domicile from orgs.organization where id = ${it.organization_id}`.execute(tx.db)).rows[0];
  const rec = await recordInspection(tx, actor, {
    number: `ORGS-SC-${s.id}-${it.uscc}`,
    name: `${s.title}：${it.name}`,
    planId: s.id,
    inspectionCode: code,
    objectType: '社会组织',
    objectName: it.name,
    partyName: it.name,
    partyNature: '法人',
    partyIdType: '统一社会信用代码',
    partyCode: it.uscc,
    registeredAddress: o?.domicile ?? null,
    areaCode: String(s.authority_area_path).split('.').pop(),
    checkForm: METHOD_LABEL[r.method],
    checkCategory: '双随机抽查',
    checkMethod: s.kind === 'plan' ? '定期抽查' : '不定期抽查',
    checkResult: r.problems ? '发现问题，责令限期整改' : '未发现问题',
    measures: r.noticeNo ? `下发整改通知书（${r.noticeNo}），限${r.rectifyBy}前完成整改` : null,
    checkedAt: `${r.inspectedOn}T00:00:00+08:00`,
    inspectors: officers.map((x) => ({ name: x.name, certificateNo: x.certNo })),
    reportedAt: tx.clock.now().toISOString(),
    sourceModule: 'orgs',
    sourceId: `${s.id}:${it.uscc}`,
  });
  return { code, recordId: rec.id, inspectedBy, note: null };
}
