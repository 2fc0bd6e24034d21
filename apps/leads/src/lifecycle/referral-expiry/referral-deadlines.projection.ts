import type { RecordedEvent } from '@leadrail/event-store';
import { LEAD_STREAM_CATEGORY } from '@leadrail/leads-domain';
import type { Projection } from '@leadrail/projections';
import type { EntityManager } from 'typeorm';

interface ReferralEventData {
  leadId: string;
  partnerId: string;
}

interface LeadReferredData extends ReferralEventData {
  referredAt: string;
  expiresAt: string;
}

/** The events that end a referral: after any of them nothing is pending for that partner. */
const ANSWERS = new Set(['ReferralAccepted', 'ReferralDeclined', 'ReferralExpired']);

/**
 * `referral_deadlines` from the log: a row per lead whose referral waits for
 * an answer. Kept from the log (not written by the endpoints) so a rebuild, a
 * second instance or a referral issued by another process (routing, later)
 * all see the same deadlines.
 */
export class ReferralDeadlinesProjection implements Projection {
  readonly name = 'referral-deadlines';
  readonly filter = {
    streamNamePrefixes: [`${LEAD_STREAM_CATEGORY}-`],
    eventTypes: ['LeadReferred', ...ANSWERS],
  };

  async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
    if (event.type === 'LeadReferred') {
      const data = event.data as LeadReferredData;
      // At most one referral of a lead is pending (the domain refuses a second), so the newest wins.
      await manager.query(
        `INSERT INTO referral_deadlines (lead_id, partner_id, referred_at, expires_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (lead_id) DO UPDATE SET partner_id = EXCLUDED.partner_id,
           referred_at = EXCLUDED.referred_at, expires_at = EXCLUDED.expires_at,
           retry_at = NULL, attempts = 0`,
        [data.leadId, data.partnerId, data.referredAt, data.expiresAt],
      );
      return;
    }
    if (ANSWERS.has(event.type)) {
      const data = event.data as ReferralEventData;
      await manager.query('DELETE FROM referral_deadlines WHERE lead_id = $1 AND partner_id = $2', [
        data.leadId,
        data.partnerId,
      ]);
    }
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('TRUNCATE referral_deadlines');
  }
}
