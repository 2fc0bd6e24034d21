import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

// Far beyond any request's time (the HTTP server's timeouts are shorter).
const ABANDONED_AFTER_SECONDS = 120;

/** A stored answer to replay: its HTTP status and body. */
export interface StoredAnswer {
  statusCode: number;
  answer: unknown;
}

/** What an Idempotency-Key says about a request. */
export type IdempotencyClaim =
  | { kind: 'new' }
  | { kind: 'replay'; stored: StoredAnswer }
  | { kind: 'in-progress' }
  | { kind: 'reused-for-other-request' };

/** SHA-256 of what identifies a request's content: its media type and body bytes. */
export function requestFingerprint(contentType: string, body: Buffer): string {
  return createHash('sha256').update(contentType).update('\n').update(body).digest('hex');
}

/**
 * Introducers' `Idempotency-Key`s (table `intake_idempotency`), per
 * introducer: the first request with a key reserves it, its answer is stored,
 * and a retry with the same key and body gets that answer again. The same key
 * with another body is the client's mistake, refused rather than guessed at.
 */
@Injectable()
export class IntakeIdempotency {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async claim(introducerId: string, key: string, fingerprint: string): Promise<IdempotencyClaim> {
    const inserted = await this.dataSource.query<unknown[]>(
      `INSERT INTO intake_idempotency (introducer_id, idempotency_key, request_hash)
       VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
      [introducerId, key, fingerprint],
    );
    if (inserted.length > 0) {
      return { kind: 'new' };
    }
    const rows = await this.dataSource.query<
      { request_hash: string; status_code: number | null; answer: unknown }[]
    >(
      `SELECT request_hash, status_code, answer FROM intake_idempotency
       WHERE introducer_id = $1 AND idempotency_key = $2`,
      [introducerId, key],
    );
    const row = rows[0];
    if (row === undefined) {
      // Released between the two statements (the first request failed): the caller may try again.
      return { kind: 'in-progress' };
    }
    if (row.request_hash !== fingerprint) {
      return { kind: 'reused-for-other-request' };
    }
    if (row.status_code !== null) {
      return { kind: 'replay', stored: { statusCode: row.status_code, answer: row.answer } };
    }
    return (await this.takeOverAbandoned(introducerId, key))
      ? { kind: 'new' }
      : { kind: 'in-progress' };
  }

  /**
   * A reservation whose request never answered (its process died mid-way) is
   * taken over once it is older than any request can take, so a key cannot
   * be stuck for good. Intake is idempotent underneath (lead id, claims), so
   * processing the request again is safe.
   */
  private async takeOverAbandoned(introducerId: string, key: string): Promise<boolean> {
    const taken = await this.dataSource.query<unknown[]>(
      `UPDATE intake_idempotency SET created_at = now()
       WHERE introducer_id = $1 AND idempotency_key = $2 AND status_code IS NULL
         AND created_at < now() - make_interval(secs => $3)
       RETURNING 1`,
      [introducerId, key, ABANDONED_AFTER_SECONDS],
    );
    return taken.length > 0;
  }

  async store(introducerId: string, key: string, stored: StoredAnswer): Promise<void> {
    await this.dataSource.query(
      `UPDATE intake_idempotency SET status_code = $3, answer = $4
       WHERE introducer_id = $1 AND idempotency_key = $2`,
      [introducerId, key, stored.statusCode, JSON.stringify(stored.answer)],
    );
  }

  /** Frees a key whose request failed without an answer, so a retry is processed. */
  async release(introducerId: string, key: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM intake_idempotency
       WHERE introducer_id = $1 AND idempotency_key = $2 AND status_code IS NULL`,
      [introducerId, key],
    );
  }
}
