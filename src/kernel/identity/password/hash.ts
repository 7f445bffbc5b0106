import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../../platform/errors.ts';
import { describeViolations, passwordViolations } from './policy.ts';

// argon2id (the library default algorithm) with OWASP's minimum: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Verified against when the user does not exist, so an unknown username costs the same time.
let dummy: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('dummy-password-for-timing');
  await verifyPassword(await dummy, password);
}

/** Throws 400 PASSWORD_POLICY naming every rule broken, or PASSWORD_REUSED for the current password. */
export async function assertPasswordAcceptable(password: string, username: string, currentHash?: string | null): Promise<void> {
  const v = passwordViolations(password, username);
  if (v.length) throw new AppError('PASSWORD_POLICY', 400, describeViolations(v), { rules: v.map((x) => x.rule) });
  if (currentHash && (await verifyPassword(currentHash, password))) {
    throw new AppError('PASSWORD_REUSED', 400, '新密码不能与当前密码相同');
  }
}
