import { v5 as uuidV5 } from 'uuid';

/** The namespace of referral email ids: fixed, so every instance derives the same id. */
const REFERRAL_EMAIL_ID_NAMESPACE = '2d8e4c1a-7b3f-4e9d-a6c5-1f0b9e8d7c64';

/**
 * The id of the referral email of one offer: one lead, one partner, one
 * referral (its `referredAt`; a lead offered to the same partner again is
 * another offer, another email). A redelivered `LeadReferred`, whatever its
 * event id, derives the same id, so its email is sent at most once. It names
 * the email's attempts in the attempt log and its Message-ID.
 */
export function referralEmailIdOf(leadId: string, partnerId: string, referredAt: string): string {
  return uuidV5(
    `${leadId.toLowerCase()}/${partnerId.toLowerCase()}/${new Date(referredAt).toISOString()}`,
    REFERRAL_EMAIL_ID_NAMESPACE,
  );
}
