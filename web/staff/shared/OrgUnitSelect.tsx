import { Select } from 'antd';
import { useState } from 'react';
import { useDebounced } from './use-debounced.ts';
import { useOrgUnitOptions } from './use-org-unit-options.ts';

type Props = {
  value?: string | null;
  onChange?: (v: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Label for the current value when it is not in the first page of results. */
  initialLabel?: string;
  /** What the value is: the unit's id (default) or its code (a setting that stores the code). */
  valueKey?: 'id' | 'code';
  style?: React.CSSProperties;
  id?: string;
  'aria-label'?: string;
};

/** Pick an org unit by name or code, searched on the server within the user's scope. */
export function OrgUnitSelect({ value, onChange, placeholder, allowClear, initialLabel, valueKey = 'id', style, id, ...rest }: Props) {
  const [q, setQ] = useState('');
  const dq = useDebounced(q);
  const { data, isFetching } = useOrgUnitOptions(dq);
  const options = (data?.items ?? []).map((o) => ({ value: o[valueKey], label: `${o.name}\uff08${o.areaName}\uff09` }));
  if (value && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel });
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v)}
      options={options}
      loading={isFetching}
      placeholder={placeholder}
      allowClear={allowClear}
      style={style}
      popupMatchSelectWidth={false}
    />
  );
}
