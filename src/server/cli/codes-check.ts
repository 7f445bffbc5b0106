import { checkCode, formatCheckLine } from '../../kernel/codes/index.ts';
import { UsageError, type CliCommand } from './io.ts';

/** `minzheng codes check X…` — one line per code; exit 1 if any is invalid. No database needed. */
export const codesCheckCommand: CliCommand = async (argv, io) => {
  if (argv.length === 0 || argv.some((a) => a.startsWith('--'))) throw new UsageError('codes check 需要至少一个代码 / give at least one code');
  let bad = 0;
  for (const code of argv) {
    const r = checkCode(code);
    if (!r.valid) bad++;
    io.out(formatCheckLine(r));
  }
  return bad ? 1 : 0;
};
