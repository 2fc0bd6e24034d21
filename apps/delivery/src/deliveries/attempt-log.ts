import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AttemptResult } from './channel-sender';
import type { DueAttempt } from './delivery-schedule';

/** Which attempt an entry is: a delivery's (its channel), or a referral email's (`referral-email`). */
export type AttemptKey = Pick<DueAttempt, 'deliveryId' | 'leadId' | 'partnerId' | 'attempt'> & {
  channel: DueAttempt['channel'] | 'referral-email';
};

/**
 * The attempt log (`delivery_attempts`): every attempt's request and response
 * as they were (secrets masked by the sender, bodies capped), what decided
 * the outcome, and how long it took. It holds personal data (the request
 * body), so it lives in the service's database, not in the event log, and is
 * purged by retention (docs/delivery-service.md).
 */
@Injectable()
export class AttemptLog {
  async keep(
    manager: EntityManager,
    due: AttemptKey,
    round: number,
    result: AttemptResult,
  ): Promise<void> {
    // The same attempt kept twice (made again after a stop) keeps the latest.
    await manager.query(
      `INSERT INTO delivery_attempts (delivery_id, lead_id, partner_id, channel, attempt, started_at,
         duration_ms, outcome, matched, http_status, reason, request, response, round)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13::jsonb, $14)
       ON CONFLICT (delivery_id, round, channel, attempt) DO UPDATE SET
         started_at = EXCLUDED.started_at, duration_ms = EXCLUDED.duration_ms,
         outcome = EXCLUDED.outcome, matched = EXCLUDED.matched, http_status = EXCLUDED.http_status,
         reason = EXCLUDED.reason, request = EXCLUDED.request, response = EXCLUDED.response`,
      [
        due.deliveryId,
        due.leadId,
        due.partnerId,
        due.channel,
        due.attempt,
        result.startedAt,
        result.durationMs,
        result.outcome,
        result.matched,
        result.httpStatus,
        result.reason,
        JSON.stringify(result.request),
        result.response === null ? null : JSON.stringify(result.response),
        round,
      ],
    );
  }
}
