import type { RecordedEvent } from '@leadrail/event-store';
import type { Projection } from '@leadrail/projections';
import type { EntityManager } from 'typeorm';

/** Who changed what about a partner, and when: one row per event, for operators and auditors. */
export class PartnerHistoryProjection implements Projection {
  readonly name = 'partner-history';
  readonly filter = { streamNamePrefixes: ['partner-'] };

  async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO partner_history (partner_id, revision, event_id, type, data, actor, reason, occurred_at, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        (event.data as { partnerId: string }).partnerId,
        event.revision.toString(),
        event.id,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata.actor),
        event.metadata.reason ?? null,
        event.metadata.occurredAt,
        event.recordedAt,
      ],
    );
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('TRUNCATE partner_history');
  }
}
