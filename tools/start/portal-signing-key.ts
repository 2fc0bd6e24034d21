import { generateKeyPairSync } from 'node:crypto';
import { ensureStateFile } from './state-file';

/** Where a state folder keeps its portal signing key. */
export const PORTAL_SIGNING_KEY_FILE = 'portal-signing-key.pem';

/**
 * The local stack's portal signing key: an Ed25519 private key (PKCS#8 PEM)
 * made once per state folder and kept there, so a restart of `npm start`
 * keeps partners' portal sessions valid.
 */
export function ensurePortalSigningKey(stateDir: string): { pem: string; created: boolean } {
  const { content, created } = ensureStateFile(stateDir, PORTAL_SIGNING_KEY_FILE, () =>
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  return { pem: content, created };
}
