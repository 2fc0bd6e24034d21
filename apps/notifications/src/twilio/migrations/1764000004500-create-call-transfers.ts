import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hot-key transfers (`notification_call_transfers`): each call LeadRail asked
 * Twilio to place, from the operator's request to Twilio's last word on it.
 * `status` is the call to the lead (Twilio's CallStatus, moved on only by a
 * callback newer than the one that set it: `status_sequence` is Twilio's
 * SequenceNumber, since callbacks may arrive out of order or twice);
 * `partner_status` is how the <Dial> to the partner's transfer number ended;
 * `history` keeps every callback once. `lead_phone` is a lead's personal data,
 * kept as long as the row (docs/notifications-twilio.md).
 */
export class CreateCallTransfers1764000004500 implements MigrationInterface {
  name = 'CreateCallTransfers1764000004500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE notification_call_transfers (
      transfer_id              uuid        PRIMARY KEY,
      lead_id                  uuid        NOT NULL,
      partner_id               uuid        NOT NULL,
      lead_phone               text        NOT NULL,
      partner_phone            text        NOT NULL,
      requested_by             text        NOT NULL,
      requested_at             timestamptz NOT NULL,
      -- Twilio's Call SID, once Twilio accepted the call (or a callback names it).
      call_sid                 text        UNIQUE,
      -- requested: being asked of Twilio; not-placed: Twilio refused or did not answer;
      -- then Twilio's CallStatus values.
      status                   text        NOT NULL CHECK (status IN (
                                 'requested', 'not-placed', 'queued', 'initiated', 'ringing',
                                 'in-progress', 'completed', 'busy', 'no-answer', 'failed', 'canceled')),
      status_at                timestamptz NOT NULL,
      status_sequence          integer,
      duration_seconds         integer,
      partner_status           text        CHECK (partner_status IN (
                                 'completed', 'answered', 'busy', 'no-answer', 'failed', 'canceled')),
      partner_call_sid         text,
      partner_duration_seconds integer,
      error                    text,
      history                  jsonb       NOT NULL DEFAULT '[]'
    )`);
    await runner.query(
      'CREATE INDEX notification_call_transfers_by_lead ON notification_call_transfers (lead_id, requested_at)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE notification_call_transfers');
  }
}
