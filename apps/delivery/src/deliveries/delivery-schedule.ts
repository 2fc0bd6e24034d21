import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** One attempt due: a delivery's channel and the attempt's number. */
export interface DueAttempt {
  deliveryId: string;
  channel: 'email' | 'internet';
  leadId: string;
  partnerId: string;
  attempt: number;
  dueAt: Date;
  correlationId: string;
  /** Since when it waits for the lead or its value to arrive; null when it never had to. */
  waitingSince: Date | null;
}

interface DueRow {
  delivery_id: string;
  channel: 'email' | 'internet';
  lead_id: string;
  partner_id: string;
  attempt: number;
  due_at: Date;
  correlation_id: string;
  waiting_since: Date | null;
}

/** The attempts due (`delivery_schedule`) and the poller's claims on them. */
@Injectable()
export class DeliverySchedule {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Hands up to `limit` attempts due at `now` to `handle`, each in its own
   * transaction holding its row (`FOR UPDATE SKIP LOCKED`): another instance
   * polling at the same moment takes others, and an attempt is made by one
   * instance at a time. `handle` updates the schedule through the manager.
   * Returns how many were handed over.
   */
  async claimDue(
    now: Date,
    limit: number,
    handle: (due: DueAttempt, manager: EntityManager) => Promise<void>,
  ): Promise<number> {
    let handled = 0;
    for (; handled < limit; handled++) {
      const claimed = await this.dataSource.transaction(async (manager) => {
        const rows = await manager.query<DueRow[]>(
          `SELECT delivery_id, channel, lead_id, partner_id, attempt, due_at, correlation_id,
                  waiting_since FROM delivery_schedule
            WHERE due_at <= $1 ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [now],
        );
        const row = rows[0];
        if (row === undefined) {
          return false;
        }
        await handle(
          {
            deliveryId: row.delivery_id,
            channel: row.channel,
            leadId: row.lead_id,
            partnerId: row.partner_id,
            attempt: row.attempt,
            dueAt: row.due_at,
            correlationId: row.correlation_id,
            waitingSince: row.waiting_since,
          },
          manager,
        );
        return true;
      });
      if (!claimed) {
        break;
      }
    }
    return handled;
  }

  /** Puts an attempt off without making it (the lead or its value has not arrived yet). */
  async postpone(manager: EntityManager, due: DueAttempt, now: Date, until: Date): Promise<void> {
    await manager.query(
      `UPDATE delivery_schedule SET due_at = $3, waiting_since = COALESCE(waiting_since, $4)
        WHERE delivery_id = $1 AND channel = $2`,
      [due.deliveryId, due.channel, until, now],
    );
  }
}
