import argon2 from 'argon2';
import { HttpError } from '../errors.js';
import { createSlots } from '../lib/slots.js';

/**
 * Password hashes computed at once. Each argon2 hash or check takes 64 MiB for its few dozen
 * milliseconds, and libuv runs four at a time: the morning's logins at once would add 256 MB to the
 * portal's memory. Two at a time add at most 128 MB and keep a login's wait short; the rest queue.
 */
export const PASSWORD_HASHES_AT_ONCE = 2;
export const passwordHashing = createSlots(PASSWORD_HASHES_AT_ONCE, 200, () => new HttpError(503, '登录的人较多，请稍后再试。'));

/** argon2id with the library's recommended defaults (OWASP: m=19 MiB or more, t=2+, p=1). */
export function hashPassword(plain: string): Promise<string> {
  return passwordHashing.run(() => argon2.hash(plain, { type: argon2.argon2id }));
}

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await passwordHashing.run(() => argon2.verify(hash, plain));
  } catch (err) {
    if (err instanceof HttpError) throw err;
    return false;
  }
}
