import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export type OperatorRole = 'admin' | 'read-only';

/** An operator as a configured token identifies them. */
export interface Operator {
  id: string;
  role: OperatorRole;
}

/** A configured token: only its SHA-256 is ever stored or deployed. */
export interface OperatorTokenEntry extends Operator {
  sha256: Buffer;
}

const PREFIX = 'lr_';

/**
 * A new API token: 32 random bytes. Tokens are high-entropy secrets, so a
 * SHA-256 of them is safe to store (unlike passwords, which need a slow hash).
 */
export function mintOperatorToken(): string {
  return `${PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashOperatorToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * Parses OPERATOR_TOKENS: entries `<operator-id>:<role>:<sha256-hex>` separated
 * by commas or newlines. Returns the entries, or the problems in words.
 */
export function parseOperatorTokens(value: string): {
  entries: OperatorTokenEntry[];
  problems: string[];
} {
  const entries: OperatorTokenEntry[] = [];
  const problems: string[] = [];
  for (const [index, raw] of value.split(/[,\n]/).entries()) {
    const entry = raw.trim();
    if (entry === '') {
      continue;
    }
    const match = /^([A-Za-z0-9._@-]{1,100}):(admin|read-only):([0-9a-f]{64})$/.exec(entry);
    if (!match) {
      problems.push(
        `entry ${index + 1} must be <operator-id>:<admin|read-only>:<64 hex characters of SHA-256>`,
      );
      continue;
    }
    entries.push({
      id: match[1]!,
      role: match[2] as OperatorRole,
      sha256: Buffer.from(match[3]!, 'hex'),
    });
  }
  return { entries, problems };
}

/** The operator a presented token belongs to; compares every entry in constant time. */
export function findOperator(
  entries: readonly OperatorTokenEntry[],
  token: string,
): Operator | undefined {
  const presented = hashOperatorToken(token);
  let found: Operator | undefined;
  for (const entry of entries) {
    if (timingSafeEqual(entry.sha256, presented)) {
      found = { id: entry.id, role: entry.role };
    }
  }
  return found;
}
