import { Cascader } from 'antd';

type Area = { code: string; name: string; level: number; parentCode: string; county: string };
type Option = { value: string; label: string; children?: Option[] };

/**
 * 户籍地 picked from the area tree, 县 → 乡镇 → 村 (a township without villages on record is itself
 * the choice), from the areas the portal cascades too (/api/public/dibao/townships), limited to the
 * user's scope by the caller. The form keeps the chosen area's code.
 */
export function AreaCascader({
  areas,
  value,
  onChange,
  loading,
  id,
}: {
  areas: Area[];
  value?: string;
  onChange?: (code: string | undefined) => void;
  loading?: boolean;
  id?: string;
}) {
  const towns = areas.filter((a) => a.level === 4);
  const options: Option[] = [...new Map(towns.map((a) => [a.parentCode, a.county]))].map(([code, name]) => ({
    value: code,
    label: name,
    children: towns
      .filter((tw) => tw.parentCode === code)
      .map((tw) => {
        const villages = areas.filter((v) => v.level === 5 && v.parentCode === tw.code).map((v) => ({ value: v.code, label: v.name }));
        return { value: tw.code, label: tw.name, ...(villages.length ? { children: villages } : {}) };
      }),
  }));
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const pathOf = (code: string | undefined): string[] | undefined => {
    const a = code ? byCode.get(code) : undefined;
    if (!a) return undefined;
    if (a.level === 4) return [a.parentCode, a.code];
    const tw = byCode.get(a.parentCode);
    return tw ? [tw.parentCode, tw.code, a.code] : undefined;
  };
  return (
    <Cascader
      id={id}
      options={options}
      value={pathOf(value)}
      onChange={(path) => onChange?.(path?.length ? String(path[path.length - 1]) : undefined)}
      loading={loading}
      placeholder="县（区） / 乡镇（街道） / 村（社区）"
      showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input)) }}
      allowClear
    />
  );
}
