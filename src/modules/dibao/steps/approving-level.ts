import { AppError } from '../../../platform/errors.ts';
import { pathLevel, type CaseRow } from '../../../kernel/workflow/index.ts';
import { AUTHORITY_LABEL } from '../contract.ts';
import type { LoadedApplication } from '../load-application.ts';
import { relativeMustGoToCounty } from './near-relative.ts';

/** The approving level must hold the case: the township under delegation, the county bureau otherwise. */
export function mustBeApprovingLevel(c: CaseRow, a: LoadedApplication, what: string) {
  const level = pathLevel(c.area_path);
  if (a.relative_of_staff) {
    if (level !== 3) throw relativeMustGoToCounty(what);
    return;
  }
  if (a.authority === 'township' && level !== 4) {
    throw new AppError('DIBAO_WRONG_LEVEL', 409, `本案受理时该县实行「${AUTHORITY_LABEL.township}」，应由乡镇（街道）${what}，县级民政部门履行监督抽查职责`);
  }
  if (a.authority === 'county' && level !== 3) {
    throw new AppError(
      'DIBAO_WRONG_LEVEL',
      409,
      `本案受理时该县实行「${AUTHORITY_LABEL.county}」，乡镇（街道）审核、公示后须报送县级民政部门${what}（请点击「报送县级民政部门确认」）`,
    );
  }
}
