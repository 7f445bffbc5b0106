import { orgCodeCheckChar, usccCheckChar } from '../../../kernel/codes/index.ts';
import type { HallItem } from '../contracts/items.ts';

/** A valid 统一社会信用代码 of a 民政-registered body (5 + 2 民办非企业单位, or `kind` 1 社会团体) in the county, numbered n. */
export function demoUscc(countyCode: string, n: number, kind: '1' | '2' = '2'): string {
  const body8 = `MJ${String(1_000_000 + n).slice(1)}`;
  const first17 = `5${kind}${countyCode}${body8}${orgCodeCheckChar(body8)}`;
  return first17 + usccCheckChar(first17);
}

const SAMPLE: Record<string, string> = {
  legalRep: '马建华',
  address: '兴庆区民族北街 68 号',
  residence: '金凤区万寿路 142 号',
  sponsor: '宁夏回族自治区老龄工作委员会办公室',
  leader: '杨志明',
  purpose: '扶老、助残、救孤、济困',
  location: '东起丽景街，西至正源街，南起北京中路',
  approvalNo: '银政函〔2026〕18号',
  newName: '康宁街',
  contact: '马晓梅',
  change: '住所变更为金凤区万寿路 142 号',
  businessScope: '组织会员开展交流、展演和培训，普及相关知识，承接政府购买服务',
};

/** A filled form for the item (every required field of its kind). */
export function demoForm(item: HallItem, applicant: string, countyCode: string, n: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of item.fields) {
    if (!f.required) continue;
    if (f.key === 'orgName') out[f.key] = applicant;
    else if (f.kind === 'uscc') out[f.key] = demoUscc(countyCode, n);
    else if (f.kind === 'phone') out[f.key] = `1399510${String(1000 + n).slice(-4)}`;
    else if (f.kind === 'number') out[f.key] = String(30 + (n % 7) * 10);
    else if (f.kind === 'date') out[f.key] = '2025-03-01';
    else if (f.kind === 'select') out[f.key] = f.options![n % f.options!.length]!;
    else out[f.key] = SAMPLE[f.key] ?? `${f.label}（演示）`;
  }
  return out;
}
