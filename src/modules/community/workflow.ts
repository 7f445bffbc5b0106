import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { defineWorkflow, transition, type CaseRow } from '../../kernel/workflow/index.ts';
import { DUTY_TYPE, LAW_ADMISSION, STATION_TYPE } from './contract.ts';
import { decideDuty } from './duties/decide-duty.ts';
import { StationEditInput } from './contracts/http.ts';
import { editStation } from './stations/edit-station.ts';

const reason = z.object({ reason: z.string('请填写理由').trim().min(2, '请填写理由').max(500, '理由不超过 500 字') });
const note = z.object({ note: z.string().trim().max(500, '审核意见不超过 500 字').default('') });

async function stationFacts(ctx: AppContext, c: CaseRow): Promise<Record<string, unknown>> {
  const r = (
    await sql<Record<string, unknown>>`select name, case kind when 'urban' then '城市社区' else '农村社区' end as kind, address,
      lng::text || ', ' || lat::text as coordinates, area_m2 as "areaM2", staff, hours, array_to_string(services, '、') as services, brand, established_on::text as "establishedOn"
      from community.station where case_id = ${c.id}`.execute(ctx.db)
  ).rows[0];
  return r ? Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)) : {};
}

const editMove = <S extends 'in_service' | 'suspended'>(state: S) =>
  transition({
    label: '修改登记信息',
    from: [state],
    to: state,
    who: { permission: 'community.register', party: 'any' },
    input: StationEditInput,
    effect: ({ tx, case: c, input }) => editStation(tx, c, input),
  });

/**
 * 社区综合服务站 registry: one case per station, held by its county's 民政局, so the data scope of
 * the registry follows the kernel's case read rule. 停止服务 and 恢复服务 keep the history.
 */
export const stationWorkflow = defineWorkflow({
  type: STATION_TYPE,
  label: '社区综合服务站',
  refPrefix: 'SQZ',
  readPermission: 'community.read',
  readFacts: stationFacts,
  facts: {
    name: '名称',
    kind: '类别',
    address: '地址',
    coordinates: '坐标（经度，纬度）',
    areaM2: '面积（平方米）',
    staff: '工作人员',
    hours: '开放时间',
    services: '服务项目',
    brand: '服务品牌',
    establishedOn: '建成日期',
  },
  states: { in_service: { label: '运行中', resting: true }, suspended: { label: '暂停服务', resting: true }, closed: { label: '已撤销', terminal: true } },
  initial: 'in_service',
  create: { label: '登记服务站', route: '/api/community/stations', who: { permission: 'community.register', party: 'any' } },
  transitions: {
    suspend: { label: '暂停服务', from: ['in_service'], to: 'suspended', who: { permission: 'community.register', party: 'any' }, reasonRequired: true },
    resume: { label: '恢复服务', from: ['suspended'], to: 'in_service', who: { permission: 'community.register', party: 'any' } },
    close: { label: '撤销', from: ['in_service', 'suspended'], to: 'closed', who: { permission: 'community.register', party: 'any' }, reasonRequired: true },
    // 修改登记信息 keeps the state: one move per state it may be taken in (the kernel's moves name one target).
    edit: editMove('in_service'),
    edit_suspended: editMove('suspended'),
  },
});

async function dutyFacts(ctx: AppContext, c: CaseRow): Promise<Record<string, unknown>> {
  const r = (
    await sql<Record<string, unknown>>`select title, aspect, content, basis, assigning_office as "assigningOffice", reason,
      decision_note as "decisionNote", decided_on::text as "decidedOn" from community.duty where case_id = ${c.id}`.execute(ctx.db)
  ).rows[0];
  return r ? Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null && v !== '')) : {};
}

/**
 * 社区工作事项 and its 依法准入: a department that wants communities to take on a new duty files a
 * request with its legal basis; the county (县级民政部门, holder of the case) admits it onto the
 * county's list or refuses it. The 60 items of the region's list are admitted by the 厅.
 */
export const dutyWorkflow = defineWorkflow({
  type: DUTY_TYPE,
  label: '社区工作事项准入',
  refPrefix: 'SQSX',
  readPermission: 'community.read',
  readFacts: dutyFacts,
  facts: {
    title: '事项名称',
    aspect: '类别',
    content: '工作内容',
    basis: '依据',
    assigningOffice: '交办部门',
    reason: '申请理由',
    decisionNote: '审核意见',
    decidedOn: '审核日期',
  },
  states: {
    requested: { label: '准入审核中' },
    listed: { label: '已列入清单', resting: true },
    refused: { label: '不予准入', terminal: true },
    removed: { label: '已移出清单', terminal: true },
  },
  initial: 'requested',
  create: { label: '申请准入', route: '/api/community/duties/requests', who: { permission: 'community.request', party: 'any' } },
  transitions: {
    admit: transition({
      label: '准入（列入清单）',
      from: ['requested'],
      to: 'listed',
      who: { permission: 'community.admit', levels: [1, 3] },
      input: note,
      effect: ({ tx, case: c, input }) => decideDuty(tx, c, input.note || `依法准入（${LAW_ADMISSION}）`),
    }),
    refuse: transition({
      label: '不予准入',
      from: ['requested'],
      to: 'refused',
      who: { permission: 'community.admit', levels: [1, 3] },
      input: reason,
      effect: ({ tx, case: c, input }) => decideDuty(tx, c, input.reason),
    }),
    remove: transition({
      label: '移出清单',
      from: ['listed'],
      to: 'removed',
      who: { permission: 'community.admit', levels: [1, 3] },
      input: reason,
      effect: ({ tx, case: c, input }) => decideDuty(tx, c, input.reason),
    }),
  },
});
