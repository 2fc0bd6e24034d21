import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@leadrail/event-store';
import { leadStream } from '@leadrail/leads-domain';
import { CLOCK, type Clock, EVENT_STORE } from '@leadrail/nest-kit';
import type { StoredLeadReceivedData } from '../../../personal-data/sealed-personal-data';
import { type ReferralDeadline, ReferralDeadlines } from '../../referral-expiry/referral-deadlines';
import type { RedactedReferral } from './redacted-referral';

/** At most this many referrals in one answer: a partner has a handful pending, not thousands. */
const LIMIT = 100;

/**
 * The referrals waiting for a partner's answer, redacted. What is shown comes
 * from the lead's first event as stored (the raw log, where the contact is
 * sealed and only its coarse `area` is in clear), so the person's details are
 * not even opened to build this answer.
 */
@Injectable()
export class PendingReferrals {
  constructor(
    @Inject(ReferralDeadlines) private readonly deadlines: ReferralDeadlines,
    @Inject(EVENT_STORE) private readonly log: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async of(partnerId: string): Promise<RedactedReferral[]> {
    const pending = await this.deadlines.pendingFor(partnerId, this.clock.now(), LIMIT);
    const referrals = await Promise.all(pending.map((deadline) => this.redacted(deadline)));
    return referrals.filter((referral): referral is RedactedReferral => referral !== null);
  }

  private async redacted(deadline: ReferralDeadline): Promise<RedactedReferral | null> {
    const [first] = await this.log.readStream(leadStream(deadline.leadId), { maxCount: 1 });
    if (first?.type !== 'LeadReceived') {
      return null;
    }
    const data = first.data as StoredLeadReceivedData;
    // Field by field: whatever the stored event gains later stays out unless chosen here.
    return {
      leadId: deadline.leadId,
      leadType: data.details.leadType,
      area: {
        country: data.area.country,
        city: data.area.city,
        postcodeDistrict: data.area.postcodeDistrict,
      },
      answers: data.details.answers ?? {},
      referredAt: deadline.referredAt,
      expiresAt: deadline.expiresAt,
    };
  }
}
