import { useT } from '../../i18n/i18n.tsx';
import { diffLines } from '../../../../src/modules/normdocs/contracts/diff.ts';

/** 与上一版比较: the paragraphs removed (struck through) and added (underlined) since the previous version. */
export function VersionDiff({ before, after, prevNo }: { before: string; after: string; prevNo: number }) {
  const t = useT();
  const lines = diffLines(before, after);
  const changed = lines.filter((l) => l.op !== 'same').length;
  return (
    <div className="mz-nd-diff" data-testid="normdoc-diff">
      <div className="mz-muted">
        {t('normdocs.diff.against', { n: prevNo }) + (changed ? t('normdocs.diff.changed', { k: changed }) : t('normdocs.diff.none'))}
      </div>
      {lines.map((l, i) =>
        l.op === 'same' ? (
          <div key={i}>{l.text}</div>
        ) : l.op === 'del' ? (
          <del key={i} className="mz-nd-del" aria-label={`${t('normdocs.diff.del')}：${l.text}`}>
            {`− ${l.text}`}
          </del>
        ) : (
          <ins key={i} className="mz-nd-add" aria-label={`${t('normdocs.diff.add')}：${l.text}`}>
            {`+ ${l.text}`}
          </ins>
        ),
      )}
    </div>
  );
}
