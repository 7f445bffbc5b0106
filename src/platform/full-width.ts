// Pure and browser-safe: official documents, the annual report and the printable deadline explanation use it.

const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const FULL: Record<string, string> = { ',': '\uff0c', ':': '\uff1a', ';': '\uff1b', '(': '\uff08', ')': '\uff09', '?': '\uff1f', '!': '\uff01' };
/** A placeholder (`${…}`, `{{…}}`) is code: nothing in it changes, and punctuation looks past it for its neighbours. */
const PLACEHOLDER = /\$\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|\{\{[^{}]*\}\}/g;

/**
 * Full-width punctuation where the text around it is Chinese (，：；（）？！), as official
 * documents require; punctuation between Latin letters or digits (10:30, 1,000) stays as it is.
 * A pair of parentheses is turned as one: 「(DB-001)号」 and 「${ref}(${n})」 after Chinese both become （…）.
 */
export function fullWidth(text: string): string {
  const chars = [...text];
  const code = new Array<boolean>(chars.length).fill(false);
  for (const m of text.matchAll(PLACEHOLDER)) {
    const from = [...text.slice(0, m.index)].length;
    code.fill(true, from, from + [...m[0]].length);
  }
  // The nearest character of text (not a space, not a placeholder) on one side of i; on the left as already turned.
  const out = [...chars];
  const near = (i: number, step: 1 | -1) => {
    for (let j = i + step; j >= 0 && j < chars.length; j += step) if (!code[j] && out[j] !== ' ') return out[j];
    return undefined;
  };
  const wide = chars.map((ch, i) => {
    const w = !code[i] && !!FULL[ch] && [near(i, -1), near(i, 1)].some((x) => !!x && HAN.test(x));
    if (w) out[i] = FULL[ch]!;
    return w;
  });
  const open: number[] = [];
  chars.forEach((ch, i) => {
    if (code[i]) return;
    if (ch === '(') open.push(i);
    else if (ch === ')' && open.length) {
      const o = open.pop()!;
      wide[o] = wide[i] = wide[o]! || wide[i]!;
    }
  });
  return chars
    .map((ch, i) => (wide[i] ? FULL[ch]! : ch))
    .join('')
    .replace(/ ?([\uff0c\uff1a\uff1b\uff08\uff09\uff1f\uff01]) ?/g, '$1');
}
