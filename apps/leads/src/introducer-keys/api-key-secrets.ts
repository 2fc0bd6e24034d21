import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { formatApiKey } from '@leadrail/leads-domain';

/** A key as minted: the text shown once, and what is kept of it. */
export interface MintedApiKey {
  keyId: string;
  apiKey: string;
  secretHash: string;
}

/** Compared against when a key id is unknown, so both failures do the same work. */
const DECOY_HASH = createHash('sha256').update('decoy secret that matches nothing').digest('hex');

/**
 * The cryptography of introducer API keys, behind one injectable class.
 *
 * Secrets are 32 bytes from the CSPRNG (256 bits), stored as their plain
 * SHA-256. A slow password hash (argon2, bcrypt) exists to make guessing a
 * low-entropy password from its hash expensive; a 256-bit random secret
 * cannot be guessed however fast the hash, so SHA-256 is as safe here and
 * keeps intake's per-request check to microseconds instead of an argon2
 * verification (tens of milliseconds and 19 MiB) on every lead posted.
 */
@Injectable()
export class ApiKeySecrets {
  mint(): MintedApiKey {
    const keyId = randomBytes(16).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    return {
      keyId,
      apiKey: formatApiKey({ keyId, secret }),
      secretHash: this.hash(secret),
    };
  }

  hash(secret: string): string {
    return createHash('sha256').update(secret, 'utf8').digest('hex');
  }

  /**
   * Whether `secret` is the one behind `storedHash`, compared in constant
   * time (digests of equal length), so the answer's timing tells an attacker
   * nothing about how much of a guess was right. Without a stored hash a
   * decoy is compared instead.
   */
  matches(secret: string, storedHash: string | undefined): boolean {
    const presented = Buffer.from(this.hash(secret), 'hex');
    const stored = Buffer.from(storedHash ?? DECOY_HASH, 'hex');
    return (
      stored.length === presented.length &&
      timingSafeEqual(stored, presented) &&
      storedHash !== undefined
    );
  }
}
