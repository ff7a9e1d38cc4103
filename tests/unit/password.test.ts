import { describe, expect, it } from 'vitest';
import { hashPassword, passwordHashing, PASSWORD_HASHES_AT_ONCE, verifyPassword } from '../../src/auth/password.js';

describe('password hashes', () => {
  it('are checked a few at a time (64 MiB each): the others wait their turn and all get their answer', async () => {
    const hash = await hashPassword('Dongming@2023');
    const checks = Array.from({ length: 5 }, (_, i) => verifyPassword(hash, i % 2 ? 'Dongming@2023' : 'wrong'));
    expect(passwordHashing.running).toBe(PASSWORD_HASHES_AT_ONCE);
    expect(passwordHashing.waiting).toBe(5 - PASSWORD_HASHES_AT_ONCE);
    expect(await Promise.all(checks)).toEqual([false, true, false, true, false]);
    expect(passwordHashing.running).toBe(0);
  });

  it('a hash that is not argon2 is a wrong password, not an error', async () => {
    expect(await verifyPassword('not-a-hash', 'Dongming@2023')).toBe(false);
  });
});
