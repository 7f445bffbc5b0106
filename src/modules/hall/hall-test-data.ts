import type { Session, TestApp } from '../../../tests/helpers/test-app.ts';
import { demoMaterialPdf } from './demo/demo-material.ts';
import { solvedPow } from '../../../tests/helpers/portal-pow.ts';
import { demoUscc } from './demo/demo-forms.ts';
import { ELDERLY_CARE_FILING, findHallItem } from './items.ts';

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

type Part = { name: string; value: string } | { name: string; fileName: string; mimeType: string; bytes: Buffer };

/** A multipart/form-data body of text fields and files. */
export function multipart(parts: Part[]) {
  const boundary = '----mzHallBoundary';
  const body = Buffer.concat([
    ...parts.flatMap((p) =>
      'value' in p
        ? [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`)]
        : [
            Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.fileName}"\r\nContent-Type: ${p.mimeType}\r\n\r\n`),
            p.bytes,
            Buffer.from('\r\n'),
          ],
    ),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A scanned PDF for each named material, in field material.<n> of the item's list as the area implements it (unknown names: n = 99). */
export async function materialParts(t: TestApp, itemCode: string, areaCode: string, names: string[]): Promise<Part[]> {
  const list = (await findHallItem(t.ctx, itemCode, areaCode))?.materials ?? [];
  return names.map((n) => {
    const i = list.findIndex((m) => m.name === n);
    return { name: `material.${i < 0 ? 99 : i}`, fileName: `${n}.pdf`, mimeType: 'application/pdf', bytes: demoMaterialPdf(`scan ${i}`) };
  });
}

/** The application (its `materials` names sent as files) as multipart: field application + material.<n>. */
async function applicationParts(t: TestApp, body: any, extra: Record<string, unknown> = {}) {
  const { materials = [], ...rest } = body;
  return multipart([
    { name: 'application', value: JSON.stringify({ ...rest, ...extra }) },
    ...(await materialParts(t, rest.itemCode, rest.areaCode, materials)),
  ]);
}

export async function applyOnline(t: TestApp, body: unknown) {
  const m = await applicationParts(t, body, { pow: await solvedPow(t.app, nextIp()) });
  return t.app.inject({ method: 'POST', url: '/api/public/hall/applications', remoteAddress: nextIp(), ...m });
}

/** 窗口登记 by a clerk, with the scanned materials. */
export async function applyAtWindow(t: TestApp, s: Session, body: unknown) {
  const m = await applicationParts(t, body);
  return t.app.inject({ method: 'POST', url: '/api/hall/applications', ...m, headers: { ...m.headers, cookie: s.cookie, 'x-csrf-token': s.csrf } });
}

export const ONLINE_STARS = (n: number) => ({ 整体满意度: n, 办事效率: n, 办事指南精确度: n, 办事便捷度: n, 平台操作性: n });
export const OFFLINE_STARS = (n: number) => ({ 整体满意度: n, 服务效率: n, 服务水平: n, 服务态度: n });
