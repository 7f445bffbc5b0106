import { Tag, Tooltip } from 'antd';
import type { MeRole } from './api-types.ts';
import { useT } from '../i18n/i18n.tsx';
import { formatDate } from './format.ts';

/** The user's roles as tags: name, where held, scope, and a delegation (代管) end date if any. */
export function RoleTags({ roles }: { roles: Pick<MeRole, 'code' | 'name' | 'orgUnitName' | 'scope' | 'delegatedBy' | 'validTo'>[] }) {
  const t = useT();
  if (!roles.length) return <span className="mz-muted">{t('role.none')}</span>;
  return (
    <span className="mz-role-tags">
      {roles.map((r, i) => (
        <Tooltip key={`${r.code}-${i}`} title={`${r.orgUnitName} · ${t(`scope.${r.scope}`)}`}>
          <Tag color={r.delegatedBy ? 'orange' : 'blue'}>
            {r.name}
            {r.delegatedBy && r.validTo ? t('common.paren', { a: '', b: t('home.delegated', { date: formatDate(r.validTo) }) }) : ''}
          </Tag>
        </Tooltip>
      ))}
    </span>
  );
}
