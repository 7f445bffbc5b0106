// Pure and browser-safe: official documents, the annual report and the printable deadline explanation use it.

const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const FULL: Record<string, string> = { ',': '\uff0c', ':': '\uff1a', ';': '\uff1b', '(': '\uff08', ')': '\uff09', '?': '\uff1f', '!': '\uff01' };

/**
 * Full-width punctuation where the text around it is Chinese (，：；（）？！), as official
 * documents require; punctuation between Latin letters or digits (10:30, 1,000) stays as it is.
 */
export function fullWidth(text: string): string {
  const chars = [...text];
  const open: boolean[] = [];
  return chars
    .map((ch, i) => {
      const to = FULL[ch];
      if (!to) return ch;
      const prev = chars
        .slice(0, i)
        .reverse()
        .find((x) => x !== ' ');
      const next = chars.slice(i + 1).find((x) => x !== ' ');
      let wide = (!!prev && HAN.test(prev)) || (!!next && HAN.test(next));
      if (ch === '(') open.push(wide);
      if (ch === ')') wide = (open.pop() ?? false) || wide;
      return wide ? to : ch;
    })
    .join('')
    .replace(/ ?([\uff0c\uff1a\uff1b\uff08\uff09\uff1f\uff01]) ?/g, '$1');
}
