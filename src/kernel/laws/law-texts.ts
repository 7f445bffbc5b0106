import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

/** The reference texts present in the configured directory (file names without .md); none when it is missing. */
export async function availableLaws(ctx: AppContext): Promise<string[]> {
  const files = await readdir(ctx.config.lawsDir).catch(() => [] as string[]);
  return files
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3))
    .sort();
}

/** One reference text: its title line and its paragraphs (the file's header comment left out). */
export async function lawText(ctx: AppContext, ref: string) {
  // Only a name the directory lists is read, so a path can never leave it.
  if (!(await availableLaws(ctx)).includes(ref)) throw new AppError('LAW_NOT_FOUND', 404, `法规库中没有「${ref}」的文本`, { field: 'ref' });
  const raw = await readFile(path.join(ctx.config.lawsDir, `${ref}.md`), 'utf8');
  const lines = raw.split(/\r?\n/).map((l) => l.trim());
  const title = (lines.find((l) => l.startsWith('# ')) ?? `# ${ref}`).slice(2).trim();
  const paragraphs = lines.filter((l) => l && !l.startsWith('# ') && !l.startsWith('<!--'));
  return { ref, title, paragraphs };
}
