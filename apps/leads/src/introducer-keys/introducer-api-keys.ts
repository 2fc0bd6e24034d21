import { Inject, Injectable } from '@nestjs/common';
import type { IntroducerKeysEvent } from '@leadrail/leads-domain';
import { DataSource, type EntityManager } from 'typeorm';

/** A key as intake checks it. */
export interface StoredApiKey {
  keyId: string;
  introducerId: string;
  secretHash: string;
  revoked: boolean;
}

/**
 * Writes one key event into `introducer_api_keys`. Idempotent and
 * order-tolerant, because two writers apply the same events: the operator
 * endpoint right after its append (write-through) and the projection when it
 * reaches the event. An issue inserts the row only when absent, so a late
 * replay never clears a revocation; a revocation keeps the first instant.
 */
export async function applyApiKeyEvent(
  manager: EntityManager,
  event: IntroducerKeysEvent,
): Promise<void> {
  switch (event.type) {
    case 'ApiKeyIssued': {
      const { keyId, introducerId, secretHash, displayPrefix, label, issuedAt } = event.data;
      await manager.query(
        `INSERT INTO introducer_api_keys (key_id, introducer_id, secret_hash, display_prefix, label, issued_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (key_id) DO NOTHING`,
        [keyId, introducerId, secretHash, displayPrefix, label, issuedAt],
      );
      return;
    }
    case 'ApiKeyRevoked':
      await manager.query(
        'UPDATE introducer_api_keys SET revoked_at = COALESCE(revoked_at, $2) WHERE key_id = $1',
        [event.data.keyId, event.data.revokedAt],
      );
      return;
    default: {
      const _exhaustive: never = event;
      throw new Error(`unknown introducer keys event ${JSON.stringify(_exhaustive)}`);
    }
  }
}

/** The `introducer_api_keys` table, and the only code that touches it besides its projection. */
@Injectable()
export class IntroducerApiKeys {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async find(keyId: string): Promise<StoredApiKey | undefined> {
    const rows = await this.dataSource.query<
      { introducer_id: string; secret_hash: string; revoked: boolean }[]
    >(
      'SELECT introducer_id, secret_hash, revoked_at IS NOT NULL AS revoked FROM introducer_api_keys WHERE key_id = $1',
      [keyId],
    );
    const row = rows[0];
    return (
      row && {
        keyId,
        introducerId: row.introducer_id,
        secretHash: row.secret_hash,
        revoked: row.revoked,
      }
    );
  }

  /** Write-through of events just appended (see applyApiKeyEvent). */
  async record(events: readonly IntroducerKeysEvent[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const event of events) {
        await applyApiKeyEvent(manager, event);
      }
    });
  }
}
