import { Tag } from 'antd';
import { useT } from '../../i18n/i18n.tsx';
import type { AreaNode } from '../../shared/api-types.ts';

const COLORS: Record<number, string> = { 1: 'red', 2: 'volcano', 3: 'blue', 4: 'cyan', 5: 'green' };

/** Level, sample-data and inactive markers for an area. */
export function AreaTags({ area }: { area: AreaNode }) {
  const t = useT();
  return (
    <>
      <Tag color={COLORS[area.level]} variant="outlined" className="mz-level-tag">
        {t(`area.level.${area.level}`)}
      </Tag>
      {area.isSample && (
        <Tag color="gold" className="mz-level-tag">
          {t('common.sample')}
        </Tag>
      )}
      {!area.active && <Tag className="mz-level-tag">{t('common.inactive')}</Tag>}
    </>
  );
}
