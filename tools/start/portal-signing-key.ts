import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where a state folder keeps its portal signing key. */
export const PORTAL_SIGNING_KEY_FILE = 'portal-signing-key.pem';

/**
 * The local stack's portal signing key: an Ed25519 private key (PKCS#8 PEM)
 * made once per state folder and kept there, readable by its owner only, so
 * a restart of `npm start` keeps partners' portal sessions valid. Created
 * exclusively (`wx`): two launchers on one folder cannot end up with two keys.
 */
export function ensurePortalSigningKey(stateDir: string): { pem: string; created: boolean } {
  const path = join(stateDir, PORTAL_SIGNING_KEY_FILE);
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  mkdirSync(stateDir, { recursive: true });
  try {
    writeFileSync(path, pem, { mode: 0o600, flag: 'wx' });
    return { pem, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw error;
    }
    return { pem: readFileSync(path, 'utf8'), created: false };
  }
}
