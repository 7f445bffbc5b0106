import { UsageError } from './io.ts';

/** Minimal --flag value parser: known flags only; booleans listed in `bools`. */
export function parseFlags(argv: string[], known: string[], bools: string[] = []): { flags: Record<string, string | true>; positional: string[] } {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (!known.includes(name) && !bools.includes(name)) throw new UsageError(`未知选项 / unknown option: --${name}`);
    if (bools.includes(name)) flags[name] = true;
    else {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`选项 --${name} 缺少取值 / --${name} needs a value`);
      flags[name] = v;
    }
  }
  return { flags, positional };
}
