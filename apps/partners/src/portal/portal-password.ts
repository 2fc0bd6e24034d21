import { hash } from '@node-rs/argon2';

/**
 * The one place portal passwords are hashed: argon2id with OWASP's
 * parameters (19 MiB, 2 iterations, 1 lane).
 */
export function hashPortalPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}
