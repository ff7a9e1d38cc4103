import { hkdfSync } from 'node:crypto';

/** What a derived key is for: each purpose gets its own key, so that one never serves two jobs. */
export type KeyPurpose = 'personal-data' | 'personal-data-search' | 'audit-chain';

/** A 32-byte key for one purpose, derived from the master DATA_KEY with HKDF-SHA256. */
export function deriveKey(master: Buffer, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `dongming-portal/${purpose}`, 32));
}
