import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** One attempt as the log keeps it. */
export interface LoggedAttempt {
  deliveryId: string;
  leadId: string;
  partnerId: string;
  /** 1 for the delivery, then one more per operator redelivery. */
  round: number;
  channel: string;
  attempt: number;
  startedAt: string;
  durationMs: number;
  outcome: string;
  matched: string | null;
  httpStatus: number | null;
  reason: string | null;
  request: Record<string, unknown>;
  response: Record<string, unknown> | null;
}

interface AttemptRow {
  delivery_id: string;
  lead_id: string;
  partner_id: string;
  round: number;
  channel: string;
  attempt: number;
  started_at: Date;
  duration_ms: number;
  outcome: string;
  matched: string | null;
  http_status: number | null;
  reason: string | null;
  request: Record<string, unknown>;
  response: Record<string, unknown> | null;
}

const COLUMNS = `delivery_id, lead_id, partner_id, round, channel, attempt, started_at, duration_ms, outcome,
  matched, http_status, reason, request, response`;

function attemptOf(row: AttemptRow): LoggedAttempt {
  return {
    deliveryId: row.delivery_id,
    leadId: row.lead_id,
    partnerId: row.partner_id,
    round: row.round,
    channel: row.channel,
    attempt: row.attempt,
    startedAt: row.started_at.toISOString(),
    durationMs: row.duration_ms,
    outcome: row.outcome,
    matched: row.matched,
    httpStatus: row.http_status,
    reason: row.reason,
    request: row.request,
    response: row.response,
  };
}

/** Reads of the attempt log, by lead and by partner. */
@Injectable()
export class DeliveryAttemptsQuery {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Every attempt to deliver the lead, oldest first; 404 when there was none. */
  async ofLead(leadId: string): Promise<{ leadId: string; attempts: LoggedAttempt[] }> {
    const rows = await this.dataSource.query<AttemptRow[]>(
      `SELECT ${COLUMNS} FROM delivery_attempts WHERE lead_id = $1 ORDER BY started_at, id`,
      [leadId],
    );
    if (rows.length === 0) {
      throw new NotFoundException(`no delivery attempt of lead ${leadId} is logged`);
    }
    return { leadId, attempts: rows.map(attemptOf) };
  }

  /** A partner's attempts, newest first, a page at a time (before: the last page's oldest `startedAt`). */
  async ofPartner(
    partnerId: string,
    page: { limit: number; before?: string },
  ): Promise<{ partnerId: string; attempts: LoggedAttempt[]; next: string | null }> {
    const rows = await this.dataSource.query<AttemptRow[]>(
      `SELECT ${COLUMNS} FROM delivery_attempts
        WHERE partner_id = $1 AND ($2::timestamptz IS NULL OR started_at < $2)
        ORDER BY started_at DESC, id DESC LIMIT $3`,
      [partnerId, page.before ?? null, page.limit + 1],
    );
    const attempts = rows.slice(0, page.limit).map(attemptOf);
    const next =
      rows.length > page.limit ? (attempts[attempts.length - 1]?.startedAt ?? null) : null;
    return { partnerId, attempts, next };
  }
}
