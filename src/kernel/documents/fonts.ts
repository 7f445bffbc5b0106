import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The CJK faces embedded in every PDF, shipped by an npm package (Noto Serif SC, SIL OFL 1.1)
 * so that rendering needs no system font. GB/T 9704 names 方正小标宋 for the title and 仿宋 for
 * the body; neither is free to embed, so the PDF sets the title in Noto Serif SC Bold
 * (小标宋-style) and the body in Noto Serif SC Regular. The docx names the official faces,
 * which the offices' word processors have.
 */
const dir = path.dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-serif-sc/package.json'));
let cache: { title: Buffer; body: Buffer } | null = null;

export function documentFonts(): { title: Buffer; body: Buffer } {
  cache ??= {
    title: readFileSync(path.join(dir, '700Bold', 'NotoSerifSC_700Bold.ttf')),
    body: readFileSync(path.join(dir, '400Regular', 'NotoSerifSC_400Regular.ttf')),
  };
  return cache;
}

/** Font names written into the editable docx (what the offices' Word/WPS have). */
export const DOCX_FONTS = { title: '方正小标宋简体', body: '仿宋_GB2312', fallbackBody: '仿宋' } as const;
