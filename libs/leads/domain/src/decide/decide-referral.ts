import type { AcceptReferral, DeclineReferral, ExpireReferral } from '../commands/lead-commands';
import { LeadError, LeadErrorCode } from '../errors/lead-error';
import type { ReferralAccepted, ReferralDeclined, ReferralExpired } from '../events/lead-events';
import type { LiveLead, ReferralRecord } from '../model/lead-state';
import { optionalText } from '../validation/fields';

/** The partner's last referral of this lead, if it had one. */
function lastReferralTo(lead: LiveLead, partnerId: string): ReferralRecord | undefined {
  return lead.referrals.filter((referral) => referral.partnerId === partnerId).at(-1);
}

/** Whether `at` is at or after the referral's expiry: the offer is over even before the timer says so. */
function hasExpired(referral: ReferralRecord, at: string): boolean {
  return Date.parse(at) >= Date.parse(referral.expiresAt);
}

/**
 * The referral to `partnerId` that is waiting for an answer at `at`, or the
 * refusal: none pending for that partner, or its time is up.
 */
function pendingReferral(lead: LiveLead, partnerId: string, at: string): ReferralRecord {
  const referral = lastReferralTo(lead, partnerId);
  if (
    referral === undefined ||
    (referral.outcome !== 'pending' && referral.outcome !== 'expired')
  ) {
    throw new LeadError(
      LeadErrorCode.REFERRAL_NOT_PENDING,
      `lead ${lead.id} is not waiting for partner ${partnerId} to accept it`,
    );
  }
  if (referral.outcome === 'expired' || hasExpired(referral, at)) {
    throw new LeadError(
      LeadErrorCode.REFERRAL_EXPIRED,
      `the offer of lead ${lead.id} expired at ${referral.expiresAt}`,
    );
  }
  return referral;
}

/** The partner takes the lead offered to it: allocated to it, and billing point `accepted` reached. */
export function decideAcceptReferral(command: AcceptReferral, lead: LiveLead): ReferralAccepted[] {
  const { partnerId } = command.data;
  const { actor, occurredAt } = command.metadata;
  if (lastReferralTo(lead, partnerId)?.outcome === 'accepted') {
    return [];
  }
  pendingReferral(lead, partnerId, occurredAt);
  return [
    {
      type: 'ReferralAccepted',
      data: { leadId: lead.id, partnerId, acceptedAt: occurredAt, acceptedBy: { ...actor } },
    },
  ];
}

/** The partner turns the offer down; the lead goes back to routing. */
export function decideDeclineReferral(
  command: DeclineReferral,
  lead: LiveLead,
): ReferralDeclined[] {
  const { partnerId } = command.data;
  const { actor, occurredAt } = command.metadata;
  const reason = optionalText(command.data.reason, 500, 'reason');
  if (lastReferralTo(lead, partnerId)?.outcome === 'declined') {
    return [];
  }
  pendingReferral(lead, partnerId, occurredAt);
  return [
    {
      type: 'ReferralDeclined',
      data: {
        leadId: lead.id,
        partnerId,
        declinedAt: occurredAt,
        declinedBy: { ...actor },
        reason,
      },
    },
  ];
}

/**
 * The offer's time is up; the lead goes back to routing. A timer firing after
 * the partner answered, or firing twice, changes nothing: it cannot know, and
 * a refusal would only park its message. Firing early is refused.
 */
export function decideExpireReferral(command: ExpireReferral, lead: LiveLead): ReferralExpired[] {
  const { partnerId } = command.data;
  const { occurredAt } = command.metadata;
  const referral = lastReferralTo(lead, partnerId);
  if (referral === undefined) {
    throw new LeadError(
      LeadErrorCode.REFERRAL_NOT_PENDING,
      `lead ${lead.id} was never offered to partner ${partnerId}`,
    );
  }
  if (referral.outcome !== 'pending') {
    return [];
  }
  if (!hasExpired(referral, occurredAt)) {
    throw new LeadError(
      LeadErrorCode.REFERRAL_NOT_EXPIRED,
      `the offer of lead ${lead.id} runs until ${referral.expiresAt}`,
    );
  }
  return [{ type: 'ReferralExpired', data: { leadId: lead.id, partnerId, expiredAt: occurredAt } }];
}
