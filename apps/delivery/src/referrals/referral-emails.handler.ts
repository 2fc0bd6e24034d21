import { Inject, Injectable } from '@nestjs/common';
import { referralEmailIdOf } from '@leadrail/delivery-domain';
import type {
  LeadReferredV1,
  ReferralAcceptedV1,
  ReferralDeclinedV1,
  ReferralExpiredV1,
} from '@leadrail/leads-contracts';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import { CLOCK, type Clock } from '@leadrail/nest-kit';
import type { EntityManager } from 'typeorm';

type ReferralEvent = LeadReferredV1 | ReferralAcceptedV1 | ReferralDeclinedV1 | ReferralExpiredV1;

/**
 * A lead offered to a partner that must accept it first gets its referral
 * email: `LeadReferred` writes the email's row, due at once, in the inbox
 * transaction (so a process stop cannot lose it), keyed by an id derived
 * from the offer (so a redelivered `LeadReferred` adds nothing, whatever its
 * event id). The partner's answer, or the offer's expiry, arriving before
 * the email went out settles it as `answered`: there is nothing left to ask.
 */
@Injectable()
export class ReferralEmailsHandler implements IntegrationEventHandler<ReferralEvent> {
  readonly name = 'delivery.referral-emails';
  readonly eventTypes = ['LeadReferred', 'ReferralAccepted', 'ReferralDeclined', 'ReferralExpired'];

  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  async handle(event: ReferralEvent, manager: EntityManager): Promise<void> {
    const now = this.clock.now();
    if (event.type === 'LeadReferred') {
      const { leadId, partnerId, referredAt, expiresAt } = event.data;
      // An offer already over when it is read (a consumer catching up on old events) is kept as
      // expired at once: nothing to send, nothing to log.
      const over = now.getTime() >= Date.parse(expiresAt);
      await manager.query(
        `INSERT INTO delivery_referral_emails (referral_id, lead_id, partner_id, referred_at,
           expires_at, correlation_id, state, attempt, due_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9)
         ON CONFLICT (referral_id) DO NOTHING`,
        [
          referralEmailIdOf(leadId, partnerId, referredAt),
          leadId,
          partnerId,
          referredAt,
          expiresAt,
          event.correlationId,
          over ? 'expired' : 'pending',
          over ? null : now,
          now,
        ],
      );
      return;
    }
    // At most one offer of a lead is open at a time: whatever is still pending for it is settled.
    await manager.query(
      `UPDATE delivery_referral_emails SET state = 'answered', due_at = NULL, updated_at = $3
        WHERE lead_id = $1 AND partner_id = $2 AND state = 'pending'`,
      [event.data.leadId, event.data.partnerId, now],
    );
  }
}
