import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF as a reader extracts it, in drawing order: each content stream's hex strings
 * decoded with the ToUnicode map of the font selected (Tf) before them. Enough for pdfkit's output
 * (Type0 fonts, one glyph id per 4 hex digits, ToUnicode as bfrange arrays); no PDF tool needed.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream: string | null }>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const s = body.indexOf('stream');
    let stream: string | null = null;
    if (s >= 0) {
      const start = body.indexOf('\n', s) + 1;
      const bytes = Buffer.from(body.slice(start, body.lastIndexOf('endstream')), 'latin1');
      try {
        stream = inflateSync(bytes).toString('latin1');
      } catch {
        stream = bytes.toString('latin1');
      }
    }
    objects.set(m[1]!, { dict: s >= 0 ? body.slice(0, s) : body, stream });
  }
  const cmap = (id: string) => {
    const map = new Map<number, string>();
    const text = objects.get(id)?.stream ?? '';
    for (const r of text.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
      const from = parseInt(r[1]!, 16);
      // An entry is one or more UTF-16 code units, e.g. <0066 0069> for a ligature.
      [...r[3]!.matchAll(/<([0-9a-f ]+)>/gi)].forEach((u, i) =>
        map.set(
          from + i,
          String.fromCharCode(
            ...u[1]!
              .trim()
              .split(/\s+/)
              .map((h) => parseInt(h, 16)),
          ),
        ),
      );
    }
    return map;
  };
  const fontMaps = new Map<string, Map<number, string>>();
  for (const [id, o] of objects) {
    const tu = o.dict.match(/\/Type \/Font[\s\S]*\/ToUnicode (\d+) 0 R/);
    if (tu) fontMaps.set(id, cmap(tu[1]!));
  }
  let out = '';
  for (const page of [...objects.values()].filter((o) => /\/Type \/Page\b(?!s)/.test(o.dict))) {
    const resRef = page.dict.match(/\/Resources (\d+) 0 R/)?.[1];
    const res = ((resRef ? objects.get(resRef)?.dict : page.dict) ?? '').match(/\/Font <<([^>]*)>>/)?.[1] ?? '';
    const names = new Map([...res.matchAll(/\/(\w+) (\d+) 0 R/g)].map((m) => [m[1]!, fontMaps.get(m[2]!)]));
    const contents = [...(page.dict.match(/\/Contents (\d+) 0 R/) ?? [])].slice(1);
    for (const c of contents) {
      let map: Map<number, string> | undefined;
      for (const op of (objects.get(c)?.stream ?? '').matchAll(/\/(\w+) [\d.]+ Tf|\[([^\]]*)\] TJ|ET/g)) {
        if (op[1]) map = names.get(op[1]);
        else if (op[2] && map)
          for (const h of op[2].matchAll(/<([0-9a-f]+)>/gi))
            for (let i = 0; i < h[1]!.length; i += 4) out += map.get(parseInt(h[1]!.slice(i, i + 4), 16)) ?? '';
        else if (op[0] === 'ET') out += '\n';
      }
    }
  }
  return out;
}

export const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
