import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PORTAL_SIGNING_KEY_FILE, ensurePortalSigningKey } from './portal-signing-key';

describe(ensurePortalSigningKey.name, () => {
  let stateDir: string;

  beforeEach(() => {
    stateDir = join(mkdtempSync(join(tmpdir(), 'leadrail-key-')), 'state');
  });

  afterEach(() => {
    rmSync(join(stateDir, '..'), { recursive: true, force: true });
  });

  it('makes an Ed25519 key once, readable by its owner only, and returns the same key afterwards', () => {
    const first = ensurePortalSigningKey(stateDir);
    expect(first.created).toBe(true);
    expect(createPrivateKey(first.pem).asymmetricKeyType).toBe('ed25519');
    expect(statSync(join(stateDir, PORTAL_SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);

    const again = ensurePortalSigningKey(stateDir);
    expect(again).toEqual({ pem: first.pem, created: false });
  });
});
