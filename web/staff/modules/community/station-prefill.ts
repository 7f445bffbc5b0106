import type { CaseDetail } from '../../shared/api-types.ts';

const num = (v: unknown) => (v !== undefined && v !== null && String(v).trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * 修改登记信息 starts from the station as registered: its facts (the case page's 登记信息, `data`) become the form's
 * values — coordinates split into 经度 and 纬度, numbers as numbers. Other moves start empty.
 */
export function stationPrefill(c: Pick<CaseDetail, 'data'>, transition: string): Record<string, unknown> | undefined {
  if (transition !== 'edit' && transition !== 'edit_suspended') return undefined;
  const f = c.data;
  const [lng, lat] = (str(f.coordinates) ?? '').split(',');
  return { address: str(f.address), lng: num(lng), lat: num(lat), hours: str(f.hours), services: str(f.services), brand: str(f.brand), staff: num(f.staff) };
}
