import type { AppContext } from '../../platform/context.ts';
import { chinaDate } from '../../platform/china-time.ts';
import type { CaseRow } from '../../kernel/workflow/index.ts';
import { LEGAL } from './contract.ts';
import { readDibaoSettings } from './settings.ts';

/**
 * The law of the day for 低保 (regulations.md §2.1): until 民发〔2021〕57号 took over, the national
 * procedure was 《最低生活保障审核审批办法（试行）》(民发〔2012〕220号), applied in Ningxia through the
 * region's 试行办法 — the 2019 acts of the seed year cite those. 57号's first day is a setting
 * (`measures2021From`, default 2021-07-01: its text is not in the reference set, so the date is unverified).
 */
export const MEASURES_2012 = '《最低生活保障审核审批办法（试行）》（民发〔2012〕220号）';

/** The national procedure in force on `day` (YYYY-MM-DD). */
export async function measuresOn(tx: AppContext, day: string): Promise<string> {
  const from = (await readDibaoSettings(tx.db)).measures2021From;
  return day < from ? `${MEASURES_2012}、${LEGAL.ningxia}` : LEGAL.measures;
}

/** A clock's legal basis citing the procedure in force on the day the clock starts. */
export const basisOfDay =
  (text: string, text2012: string = text) =>
  async (_c: CaseRow, tx: AppContext): Promise<string> => {
    const day = chinaDate(tx.clock.now());
    const m = await measuresOn(tx, day);
    return `${m}:${m === LEGAL.measures ? text : text2012}`;
  };
