import { z } from 'zod';
import { DUTY_ASPECTS, STATION_KINDS } from '../contract.ts';

/** Wire shapes of the 城乡社区 routes (routes.ts); the console imports their types. */
const text = (label: string, max: number) => z.string(`请填写${label}`).trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 字`);

export const StationInput = z.object({
  name: text('服务站名称', 60),
  kind: z.enum(STATION_KINDS, { message: '类别应为城市社区（urban）或农村社区（rural）' }),
  areaCode: z.string('请填写行政区划代码').regex(/^64\d{4}(\d{3})?$/, '行政区划代码应为宁夏的6位县级或9位乡级代码'),
  township: text('乡镇（街道）', 30),
  community: text('社区（村）', 30),
  address: text('地址', 120),
  lng: z.number('经度应为数字').min(-180, '经度超出范围').max(180, '经度超出范围'),
  lat: z.number('纬度应为数字').min(-90, '纬度超出范围').max(90, '纬度超出范围'),
  areaM2: z.number('面积应为数字').int('面积（平方米）应为整数').min(1, '面积应大于0').max(100_000, '面积不超过100000平方米'),
  staff: z.number('工作人员数应为数字').int('工作人员数应为整数').min(0, '工作人员数不能为负').max(500, '工作人员数不超过500'),
  hours: text('开放时间', 60),
  services: z.array(text('服务项目', 30), '服务项目应为列表').min(1, '至少填写一项服务项目').max(30, '服务项目不超过30项'),
  brand: z.string().trim().max(40, '服务品牌不超过 40 字').nullable().default(null),
  establishedOn: z.iso.date('建成日期格式应为 YYYY-MM-DD'),
});
export type StationInput = z.infer<typeof StationInput>;

/** 修改登记信息: only the fields given change; services as one line separated by 、 or commas (the console's form). */
export const StationEditInput = z
  .object({
    address: text('地址', 120).optional().meta({ title: '地址' }),
    lng: z.number('经度应为数字').min(-180, '经度超出范围').max(180, '经度超出范围').optional().meta({ title: '经度（WGS-84）' }),
    lat: z.number('纬度应为数字').min(-90, '纬度超出范围').max(90, '纬度超出范围').optional().meta({ title: '纬度（WGS-84）' }),
    hours: text('开放时间', 60).optional().meta({ title: '开放时间' }),
    services: text('服务项目', 600).optional().meta({ title: '服务项目（以顿号或逗号分隔）' }),
    brand: z.string().trim().max(40, '服务品牌不超过 40 字').optional().meta({ title: '服务品牌' }),
    staff: z
      .number('工作人员数应为数字')
      .int('工作人员数应为整数')
      .min(0, '工作人员数不能为负')
      .max(500, '工作人员数不超过500')
      .optional()
      .meta({ title: '工作人员数' }),
  })
  .refine((x) => Object.values(x).some((v) => v !== undefined), '请至少修改一项登记信息');
export type StationEditInput = z.infer<typeof StationEditInput>;

export const StationItem = z.object({
  id: z.string(),
  refNo: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  name: z.string(),
  kind: z.enum(STATION_KINDS),
  kindLabel: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  areaCode: z.string(),
  areaPath: z.string(),
  township: z.string(),
  community: z.string(),
  address: z.string(),
  lng: z.number(),
  lat: z.number(),
  areaM2: z.number(),
  staff: z.number(),
  hours: z.string(),
  services: z.array(z.string()),
  brand: z.string().nullable(),
  establishedOn: z.string(),
});
export const StationPage = z.object({ items: z.array(StationItem), total: z.number(), page: z.number(), pageSize: z.number() });
export const StationDetail = StationItem.extend({
  orgUnitName: z.string(),
  photos: z.array(z.object({ id: z.string(), fileName: z.string(), url: z.string() })),
});
export const RegisterResult = z.object({ id: z.string(), refNo: z.string(), state: z.string() });

const CountRow = z.object({ code: z.string(), name: z.string(), urban: z.number(), rural: z.number(), total: z.number(), areaM2: z.number() });
export const StationStats = z.object({
  asOf: z.string(),
  totals: z.object({ urban: z.number(), rural: z.number(), total: z.number(), areaM2: z.number() }),
  byCounty: z.array(CountRow),
});

export const PublicStation = StationItem.pick({
  id: true,
  name: true,
  kind: true,
  kindLabel: true,
  countyCode: true,
  countyName: true,
  township: true,
  community: true,
  address: true,
  lng: true,
  lat: true,
  hours: true,
  services: true,
  brand: true,
});
export const PublicStations = z.object({
  items: z.array(PublicStation),
  totals: z.object({ urban: z.number(), rural: z.number(), total: z.number() }),
});

export const ImportInput = z.object({
  csv: z.string('请上传服务站登记表（CSV 文本）').min(1, '文件为空').max(5_000_000, '文件不能超过5MB').optional(),
  xlsxBase64: z.string().max(7_000_000, '文件不能超过5MB').optional(),
});
export const ImportResult = z.object({
  imported: z.number(),
  rows: z.number(),
  errors: z.array(z.object({ line: z.number(), column: z.string(), message: z.string() })),
  /** The rows with problems and a 错误说明 column, to correct and upload again. */
  errorsCsv: z.string().nullable(),
  /** The same as an xlsx workbook (base64). */
  errorsXlsxBase64: z.string().nullable(),
});

export const DutyRequestInput = z.object({
  areaCode: z.string('请选择适用的县（市、区）').regex(/^64\d{4}$/, '适用地区应为宁夏的6位县级代码'),
  title: text('事项名称', 60),
  aspect: z.enum(DUTY_ASPECTS, { message: '事项类别应为自我教育、自我服务、自我管理、协助服务或协助管理' }),
  content: text('工作内容', 500),
  basis: text('法律法规或政策依据', 300),
  assigningOffice: text('交办部门', 60),
  reason: text('申请理由', 500),
});
export type DutyRequestInput = z.infer<typeof DutyRequestInput>;
export const DutyItem = z.object({
  id: z.string(),
  refNo: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  seq: z.number().nullable(),
  title: z.string(),
  aspect: z.string(),
  content: z.string(),
  basis: z.string(),
  assigningOffice: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  areaPath: z.string(),
  requestedBy: z.string(),
  reason: z.string().nullable(),
  decisionNote: z.string().nullable(),
  decidedOn: z.string().nullable(),
});
export const DutyPage = z.object({ items: z.array(DutyItem), total: z.number() });

export const AssignmentCheckInput = z.object({
  areaCode: z.string('请选择地区').regex(/^64\d{4}(\d{3})?$/, '地区应为宁夏的县级或乡级代码'),
  title: text('拟交办的事项', 60),
});
export const AssignmentCheckResult = z.object({ listed: z.literal(true), duty: DutyItem });
