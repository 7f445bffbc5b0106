/** 低保 application flow: names shared with the money side (H6), the UI and the tests. */
export const DIBAO_TYPE = 'dibao';
export const RECHECK_TYPE = 'dibao_recheck';
export const CHANNELS = ['窗口', '村居代办', '网上'] as const;
export type Channel = (typeof CHANNELS)[number];
export const RELATIONS = ['申请人', '配偶', '子女', '父母', '祖父母', '孙子女', '兄弟姐妹', '其他'] as const;
export const DISABILITY = ['无', '一级', '二级', '三级', '四级'] as const;
export const HEALTH = ['健康', '慢性病', '重病'] as const;
export const WORK_ABILITY = ['有', '部分丧失', '无'] as const;
export const INCOME_KINDS = ['工资性收入', '经营净收入', '财产净收入', '转移净收入', '其他收入'] as const;
export const ASSET_KINDS = ['住房', '机动车', '存款', '有价证券', '其他'] as const;
export const EXPENSE_KINDS = ['医疗', '教育', '租房', '就业必要支出'] as const;

/** The materials an application needs (一次性告知 lists the missing ones from here). */
export const MATERIALS = [
  '低保申请书',
  '户口簿',
  '共同生活家庭成员身份证',
  '家庭收入情况说明',
  '家庭财产情况说明',
  '家庭经济状况核对授权书',
  '残疾证或病历（如有）',
  '近亲属备案声明（如有）',
] as const;

export const LEGAL = {
  interim: '《社会救助暂行办法》',
  measures: '《最低生活保障审核确认办法》（民发〔2021〕57号）',
  ningxia: '《宁夏回族自治区最低生活保障审核审批办法（试行）》',
} as const;

export const AUTHORITY_LABEL = { county: '县级民政部门确认', township: '乡镇（街道）确认（审批权下放）' } as const;

/** Area path parts: 自治区.市.县.乡.村 */
export const countyOfPath = (path: string) => path.split('.')[2] ?? null;
export const townshipOfPath = (path: string) => path.split('.')[3] ?? null;

export function maskIdNumber(id: string): string {
  return id.length <= 7 ? '*'.repeat(id.length) : id.slice(0, 3) + '*'.repeat(id.length - 7) + id.slice(-4);
}

/** A `date` column as YYYY-MM-DD whichever driver returned it. */
export const dateText = (v: unknown): string | null => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/** A household posted on a 公示 or 公布 list (masked, for the 主动公开 catalogue): see events.ts. */
export { onDibaoPosted, type DibaoPosted } from './events.ts';
