import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { useDebounced } from '../../shared/use-debounced.ts';

/** 操作人 filter of the audit log: a user picked by name or account (searched on the server within the reader's scope). */
export function ActorSelect({ onChange, placeholder }: { onChange: (userId: string | undefined) => void; placeholder: string }) {
  const [q, setQ] = useState('');
  const dq = useDebounced(q);
  const users = useQuery({
    queryKey: ['users', 'pick', dq],
    queryFn: () => api.users({ q: dq || undefined, page: 1, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  return (
    <Select
      allowClear
      aria-label={placeholder}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setQ }}
      onChange={(v: string | undefined) => onChange(v)}
      loading={users.isFetching}
      options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
      style={{ width: 200 }}
      popupMatchSelectWidth={false}
      data-testid="audit-actor"
    />
  );
}
