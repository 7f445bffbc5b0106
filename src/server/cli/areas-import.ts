import { readFileSync } from 'node:fs';
import { importAreas } from '../../kernel/areas/import-areas.ts';
import { importOrgUnits } from '../../kernel/areas/import-org-units.ts';
import { SYSTEM_ACTOR } from '../../kernel/identity/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { parseFlags } from './args.ts';
import { UsageError, type CliCommand, type CliIo } from './io.ts';

async function runImport(argv: string[], io: CliIo, what: 'areas' | 'org-units'): Promise<number> {
  const { flags, positional } = parseFlags(argv, [], ['sample']);
  if (positional.length !== 1) throw new UsageError(`${what} import 需要一个 CSV 文件 / needs one CSV file`);
  let csv: string;
  try {
    csv = readFileSync(positional[0]!, 'utf8');
  } catch {
    io.err(`无法读取文件 / cannot read file: ${positional[0]}`);
    return 2;
  }
  const { ctx, handle } = await io.open();
  try {
    const run = what === 'areas' ? importAreas : importOrgUnits;
    const r = await run(ctx, SYSTEM_ACTOR, csv, { sample: !!flags.sample, system: true });
    io.out(`新增 inserted ${r.inserted}，更新 updated ${r.updated}，未变 unchanged ${r.unchanged}`);
    return 0;
  } catch (e) {
    if (e instanceof AppError && e.code === 'IMPORT_INVALID') {
      for (const x of (e.details?.errors ?? []) as Array<{ line: number; field: string; message: string }>)
        io.err(`第 ${x.line} 行 line ${x.line} [${x.field}] ${x.message}`);
      io.err('未写入任何数据 / nothing was written');
      return 1;
    }
    throw e;
  } finally {
    await handle.close();
  }
}

export const areasImportCommand: CliCommand = (argv, io) => runImport(argv, io, 'areas');
export const orgUnitsImportCommand: CliCommand = (argv, io) => runImport(argv, io, 'org-units');
