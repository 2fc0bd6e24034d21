import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A hot-key transfer as operators read it (`GET /notifications/transfers/{id}`). */
export interface CallTransfer {
  transferId: string;
  leadId: string;
  partnerId: string;
  leadPhone: string;
  partnerPhone: string;
  requestedBy: string;
  requestedAt: string;
  callSid: string | null;
  /** The call to the lead: requested, not-placed, or Twilio's CallStatus. */
  status: string;
  statusAt: string;
  durationSeconds: number | null;
  /** How the <Dial> to the partner ended (Twilio's DialCallStatus), once it has. */
  partner: { status: string; callSid: string | null; durationSeconds: number | null } | null;
  error: string | null;
  /** Every status callback once, in the order received. */
  history: { status: string; at: string; sequence: number | null }[];
}

/** One status callback of a transfer's call. */
export interface CallProgress {
  callSid: string;
  status: string;
  at: Date;
  sequence: number | null;
  durationSeconds: number | null;
}

interface TransferRow {
  transfer_id: string;
  lead_id: string;
  partner_id: string;
  lead_phone: string;
  partner_phone: string;
  requested_by: string;
  requested_at: Date;
  call_sid: string | null;
  status: string;
  status_at: Date;
  duration_seconds: number | null;
  partner_status: string | null;
  partner_call_sid: string | null;
  partner_duration_seconds: number | null;
  error: string | null;
  history: { status: string; at: string; sequence: number | null }[];
}

const TERMINAL = `('completed', 'busy', 'no-answer', 'failed', 'canceled')`;

/**
 * `notification_call_transfers`. Every change is one statement whose WHERE
 * says what it may overwrite, so callbacks racing each other, repeated or
 * late, and the answer to the request itself agree on one outcome.
 */
@Injectable()
export class CallTransfers {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async add(transfer: {
    transferId: string;
    leadId: string;
    partnerId: string;
    leadPhone: string;
    partnerPhone: string;
    requestedBy: string;
    at: Date;
  }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notification_call_transfers
         (transfer_id, lead_id, partner_id, lead_phone, partner_phone, requested_by,
          requested_at, status, status_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'requested', $7)`,
      [
        transfer.transferId,
        transfer.leadId,
        transfer.partnerId,
        transfer.leadPhone,
        transfer.partnerPhone,
        transfer.requestedBy,
        transfer.at,
      ],
    );
  }

  /** Twilio accepted the call. A callback that came first has already said more: it stays. */
  async placed(transferId: string, callSid: string, status: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_call_transfers
          SET call_sid = COALESCE(call_sid, $2),
              status = CASE WHEN status IN ('requested', 'not-placed') THEN $3 ELSE status END,
              status_at = CASE WHEN status IN ('requested', 'not-placed') THEN $4 ELSE status_at END
        WHERE transfer_id = $1`,
      [transferId, callSid, status, at],
    );
  }

  /** Twilio refused the call, or did not answer (it may still have placed it: its callbacks would say). */
  async notPlaced(transferId: string, error: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_call_transfers SET status = 'not-placed', status_at = $3, error = $2
        WHERE transfer_id = $1 AND status = 'requested'`,
      [transferId, error.slice(0, 1000), at],
    );
  }

  /**
   * A status callback. The status moves on only for a newer SequenceNumber
   * (without one, only from a status that is not final); the history gets
   * each callback once. False when no transfer has this id (or another call).
   */
  async progress(transferId: string, progress: CallProgress): Promise<boolean> {
    const entry = JSON.stringify({
      status: progress.status,
      at: progress.at.toISOString(),
      sequence: progress.sequence,
    });
    const [rows] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE notification_call_transfers t
          SET status = CASE WHEN newer THEN $3 ELSE t.status END,
              status_at = CASE WHEN newer THEN $4 ELSE t.status_at END,
              status_sequence = CASE WHEN newer THEN $5 ELSE t.status_sequence END,
              duration_seconds = COALESCE($6, t.duration_seconds),
              call_sid = COALESCE(t.call_sid, $2),
              history = CASE WHEN t.history @> jsonb_build_array($7::jsonb) THEN t.history
                             ELSE t.history || jsonb_build_array($7::jsonb) END
         FROM (SELECT transfer_id,
                      CASE WHEN $5::integer IS NULL THEN status NOT IN ${TERMINAL}
                           ELSE $5::integer > COALESCE(status_sequence, -1) END AS newer
                 FROM notification_call_transfers WHERE transfer_id = $1) AS decided
        WHERE t.transfer_id = decided.transfer_id
          AND (t.call_sid IS NULL OR t.call_sid = $2)
        RETURNING t.transfer_id`,
      [
        transferId,
        progress.callSid,
        progress.status,
        progress.at,
        progress.sequence,
        progress.durationSeconds,
        entry,
      ],
    );
    return rows.length > 0;
  }

  /** How the <Dial> to the partner ended: the first report stands (a repeated one changes nothing). */
  async dialEnded(
    transferId: string,
    dial: { status: string; callSid: string | null; durationSeconds: number | null },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_call_transfers
          SET partner_status = $2, partner_call_sid = $3, partner_duration_seconds = $4
        WHERE transfer_id = $1 AND partner_status IS NULL`,
      [transferId, dial.status, dial.callSid, dial.durationSeconds],
    );
  }

  async find(transferId: string): Promise<CallTransfer | null> {
    const rows = await this.dataSource.query<TransferRow[]>(
      'SELECT * FROM notification_call_transfers WHERE transfer_id = $1',
      [transferId],
    );
    const row = rows[0];
    return row === undefined ? null : toTransfer(row);
  }
}

function toTransfer(row: TransferRow): CallTransfer {
  return {
    transferId: row.transfer_id,
    leadId: row.lead_id,
    partnerId: row.partner_id,
    leadPhone: row.lead_phone,
    partnerPhone: row.partner_phone,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at.toISOString(),
    callSid: row.call_sid,
    status: row.status,
    statusAt: row.status_at.toISOString(),
    durationSeconds: row.duration_seconds,
    partner:
      row.partner_status === null
        ? null
        : {
            status: row.partner_status,
            callSid: row.partner_call_sid,
            durationSeconds: row.partner_duration_seconds,
          },
    error: row.error,
    history: row.history,
  };
}
