import { randomInt } from 'node:crypto';

/** The password policy (等保 2.0: complexity, length, no reuse). Pure, so the rules are unit-tested. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PolicyViolation = { rule: 'length' | 'classes' | 'username' | 'max_length' | 'whitespace'; message: string };

export function passwordViolations(password: string, username: string): PolicyViolation[] {
  const out: PolicyViolation[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) out.push({ rule: 'length', message: `长度至少 ${PASSWORD_MIN_LENGTH} 位` });
  if ([...password].length > PASSWORD_MAX_LENGTH) out.push({ rule: 'max_length', message: `长度不能超过 ${PASSWORD_MAX_LENGTH} 位` });
  if (/\s/.test(password)) out.push({ rule: 'whitespace', message: '不能包含空格等空白字符' });
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9\s]/].filter((r) => r.test(password)).length;
  if (classes < 3) out.push({ rule: 'classes', message: '须包含大写字母、小写字母、数字、符号中的至少 3 类' });
  const u = username.trim().toLowerCase();
  if (u && password.toLowerCase().includes(u)) out.push({ rule: 'username', message: '不能包含用户名' });
  return out;
}

export function describeViolations(v: PolicyViolation[]): string {
  return `密码不符合要求：${v.map((x) => x.message).join(';')}`;
}

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGIT = '23456789';
const SYMBOL = '@#%+=?!-_';

/** A strong random password (16 chars, all four classes, no look-alike characters). */
export function generatePassword(length = 16): string {
  const all = UPPER + LOWER + DIGIT + SYMBOL;
  const chars = [UPPER, LOWER, DIGIT, SYMBOL].map((set) => set[randomInt(set.length)]!);
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
