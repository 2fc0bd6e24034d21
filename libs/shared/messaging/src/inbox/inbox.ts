import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import type { InboundMessage } from '../consumer/inbound-message';

/**
 * Which handler has applied which event, in the service's own schema. Claimed
 * in the same transaction as the handler's effect.
 */
export class Inbox {
  /**
   * Records that `handler` applies `eventId` now; false when it already did
   * (then the caller must not apply it again).
   */
  static async claim(
    manager: EntityManager,
    handler: string,
    eventId: string,
    message: InboundMessage,
  ): Promise<boolean> {
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO processed_events (handler, event_id, topic, partition, "offset")
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (handler, event_id) DO NOTHING
       RETURNING 1`,
      [handler, eventId, message.topic, message.partition, message.offset],
    );
    return inserted.length === 1;
  }
}

/** The inbox table; every service's migrations include it (schema from the connection). */
export class CreateInbox1764000000000 implements MigrationInterface {
  name = 'CreateInbox1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE processed_events (
      handler      text        NOT NULL,
      event_id     uuid        NOT NULL,
      topic        text        NOT NULL,
      partition    integer     NOT NULL,
      "offset"     bigint      NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (handler, event_id)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE processed_events');
  }
}
