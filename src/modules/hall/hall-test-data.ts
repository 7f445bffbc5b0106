import type { TestApp } from '../../../tests/helpers/test-app.ts';
import { solvedPow } from '../../../tests/helpers/portal-pow.ts';
import { demoUscc } from './demo/demo-forms.ts';
import { ELDERLY_CARE_FILING } from './items.ts';

let ip = 0;
export const nextIp = () => `10.88.${(ip >> 8) & 255}.${ip++ & 255}`;
export const publicPost = (t: TestApp, url: string, body: unknown) => t.app.inject({ method: 'POST', url, remoteAddress: nextIp(), payload: body as object });

/** A 养老机构备案 application in 兴庆区 (640104), without the 消防 material unless `complete`. */
export function elderlyCareApplication(name = '兴庆区康乐颐养院', complete = false) {
  return {
    itemCode: ELDERLY_CARE_FILING,
    areaCode: '640104',
    applicant: name,
    phone: '13995112233',
    form: {
      orgName: name,
      uscc: demoUscc('640104', 7),
      legalRep: '马建华',
      address: '兴庆区民族北街 68 号',
      beds: '80',
      serviceScope: '全日托养',
      startOn: '2019-10-01',
      contact: '马晓梅',
      phone: '13995112233',
    },
    materials: [
      '养老机构备案书',
      '养老机构备案承诺书',
      '法人登记证书或营业执照',
      '服务场所权属证明或租赁合同',
      ...(complete ? ['消防安全检查合格证明或承诺材料'] : []),
    ],
  };
}

export async function applyOnline(t: TestApp, body: unknown) {
  return publicPost(t, '/api/public/hall/applications', { ...(body as object), pow: await solvedPow(t.app, nextIp()) });
}

export const ONLINE_STARS = (n: number) => ({ 整体满意度: n, 办事效率: n, 办事指南精确度: n, 办事便捷度: n, 平台操作性: n });
export const OFFLINE_STARS = (n: number) => ({ 整体满意度: n, 服务效率: n, 服务水平: n, 服务态度: n });
