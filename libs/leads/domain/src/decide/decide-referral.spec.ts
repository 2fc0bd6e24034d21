import { deciderSpecification } from '@leadrail/decider-testing';
import { LeadErrorCode, leadNotFound } from '../errors/lead-error';
import { leadAggregate } from '../lead-aggregate';
import {
  EXPIRES_AT,
  LEAD_ID,
  OCCURRED_AT,
  OTHER_PARTNER_ID,
  PARTNER_ID,
  RECORDED_AT,
  byOperator,
  byPartner,
  bySystem,
  command,
  event,
  received,
  referred,
} from '../testing/lead-scenario';

const spec = deciderSpecification(leadAggregate);
const accept = command('AcceptReferral', { partnerId: PARTNER_ID }, byPartner());
const decline = command('DeclineReferral', { partnerId: PARTNER_ID, reason: 'full' }, byPartner());
const expire = command(
  'ExpireReferral',
  { partnerId: PARTNER_ID },
  bySystem({ occurredAt: EXPIRES_AT }),
);
const accepted = event('ReferralAccepted', {
  partnerId: PARTNER_ID,
  acceptedAt: OCCURRED_AT,
  acceptedBy: { type: 'partner', id: PARTNER_ID },
});
const declined = event('ReferralDeclined', {
  partnerId: PARTNER_ID,
  declinedAt: OCCURRED_AT,
  declinedBy: { type: 'partner', id: PARTNER_ID },
  reason: 'full',
});
const expired = event('ReferralExpired', { partnerId: PARTNER_ID, expiredAt: EXPIRES_AT });

describe('AcceptReferral', () => {
  it('lets the partner take the lead offered to it', () => {
    spec.given([received(), referred()]).when(accept).then([accepted]);
  });

  it('lets an operator accept for the partner', () => {
    spec
      .given([received(), referred()])
      .when(command('AcceptReferral', { partnerId: PARTNER_ID }, byOperator()))
      .then([
        {
          ...accepted,
          data: { ...accepted.data, acceptedBy: { type: 'operator', id: 'operator-1' } },
        },
      ]);
  });

  it('decides nothing when the acceptance arrives again', () => {
    spec.given([received(), referred(), accepted]).when(accept).then([]);
  });

  it('refuses an acceptance at or after the expiry, before the timer ran', () => {
    spec
      .given([received(), referred()])
      .when(command('AcceptReferral', { partnerId: PARTNER_ID }, byPartner(PARTNER_ID, EXPIRES_AT)))
      .thenThrows(LeadErrorCode.REFERRAL_EXPIRED);
  });

  it('refuses an acceptance after the offer expired', () => {
    spec
      .given([received(), referred(), expired])
      .when(accept)
      .thenThrows(LeadErrorCode.REFERRAL_EXPIRED);
  });

  it('refuses an acceptance after the partner declined', () => {
    spec
      .given([received(), referred(), declined])
      .when(accept)
      .thenThrows(LeadErrorCode.REFERRAL_NOT_PENDING);
  });

  it('tells a partner the lead was not offered to exactly what it says of a lead that does not exist', () => {
    const rival = command(
      'AcceptReferral',
      { partnerId: OTHER_PARTNER_ID },
      byPartner(OTHER_PARTNER_ID),
    );
    const missing = leadNotFound(LEAD_ID);
    spec.given([received(), referred()]).when(rival).thenThrows({
      code: LeadErrorCode.LEAD_NOT_RECEIVED,
      message: missing.message,
      field: undefined,
    });
    spec.given([]).when(rival).thenThrows({
      code: LeadErrorCode.LEAD_NOT_RECEIVED,
      message: missing.message,
      field: undefined,
    });
  });

  it('refuses a partner accepting in the name of another', () => {
    spec
      .given([received(), referred()])
      .when(command('AcceptReferral', { partnerId: PARTNER_ID }, byPartner(OTHER_PARTNER_ID)))
      .thenThrows({ code: LeadErrorCode.ACTOR_NOT_ALLOWED, field: 'metadata.actor.id' });
  });
});

describe('DeclineReferral', () => {
  it('lets the partner turn the offer down, back to routing', () => {
    spec.given([received(), referred()]).when(decline).then([declined]);
  });

  it('decides nothing when the decline arrives again', () => {
    spec.given([received(), referred(), declined]).when(decline).then([]);
  });

  it('refuses a decline after the offer was accepted', () => {
    spec
      .given([received(), referred(), accepted])
      .when(decline)
      .thenThrows(LeadErrorCode.REFERRAL_NOT_PENDING);
  });

  it('refuses a decline after the expiry', () => {
    spec
      .given([received(), referred()])
      .when(
        command(
          'DeclineReferral',
          { partnerId: PARTNER_ID },
          byPartner(PARTNER_ID, '2026-11-25T13:00:00Z'),
        ),
      )
      .thenThrows(LeadErrorCode.REFERRAL_EXPIRED);
  });
});

describe('ExpireReferral', () => {
  it('ends an offer whose time is up, back to routing', () => {
    spec.given([received(), referred()]).when(expire).then([expired]);
  });

  it('refuses to end an offer early', () => {
    spec
      .given([received(), referred()])
      .when(
        command('ExpireReferral', { partnerId: PARTNER_ID }, bySystem({ occurredAt: RECORDED_AT })),
      )
      .thenThrows(LeadErrorCode.REFERRAL_NOT_EXPIRED);
  });

  it('decides nothing when the offer was answered or expired already', () => {
    spec.given([received(), referred(), accepted]).when(expire).then([]);
    spec.given([received(), referred(), expired]).when(expire).then([]);
  });

  it('refuses a partner the lead was never offered to', () => {
    spec
      .given([received(), referred()])
      .when(
        command(
          'ExpireReferral',
          { partnerId: OTHER_PARTNER_ID },
          bySystem({ occurredAt: EXPIRES_AT }),
        ),
      )
      .thenThrows(LeadErrorCode.REFERRAL_NOT_PENDING);
  });
});
