import { createRequire } from 'node:module';
import type { PackageDays } from './contract.ts';

/**
 * The national layer as chinese-days ships it (pinned in package.json). Its bundled JSON is
 * read directly: the package's own functions parse dates with Date in local time, and we
 * only need the three tables. Loaded once per process; the data never changes at runtime.
 */
const require = createRequire(import.meta.url);

let cached: { days: PackageDays; source: string } | undefined;

export function chineseDaysPackage(): { days: PackageDays; source: string } {
  if (!cached) {
    const days = require('chinese-days/dist/chinese-days.json') as PackageDays;
    const { version } = require('chinese-days/package.json') as { version: string };
    if (!days.holidays || !days.workdays || !days.inLieuDays) throw new Error('chinese-days: bundled data has an unexpected shape');
    cached = { days, source: `chinese-days@${version}` };
  }
  return cached;
}
