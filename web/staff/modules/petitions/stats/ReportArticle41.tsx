import { useT } from '../../../i18n/i18n.tsx';
import type { PetitionStats } from './api.ts';

/**
 * The 年度报告 figures of 《信访工作条例》第四十一条 beside the paragraph: 转送/交办/督办 made at this
 * level, the 接待登记 批/人次 (apart from 件) and the bodies complained about most.
 */
export function ReportArticle41({ r }: { r: PetitionStats['report'] }) {
  const t = useT();
  return (
    <div data-testid="report-art41">
      <p className="ps-sentence">
        {t('petitionStats.art41.handoffs', { transferred: r.transferred, assigned: r.assigned, supervised: r.supervised })}
        {t('petitionStats.art41.reception', {
          lb: r.reception.letters.batches,
          lp: r.reception.letters.persons,
          vb: r.reception.visits.batches,
          vp: r.reception.visits.persons,
        })}
      </p>
      {r.complainedOrgs.length > 0 && (
        <p className="ps-sentence">
          {t('petitionStats.art41.complained')}
          {r.complainedOrgs.map((c) => `${c.name}(${c.items})`).join('、')}
        </p>
      )}
    </div>
  );
}
