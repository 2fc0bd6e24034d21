import { deciderSpecification } from '@leadrail/decider-testing';
import { LeadErrorCode } from '../errors/lead-error';
import { leadAggregate } from '../lead-aggregate';
import {
  EXPIRES_AT,
  LEAD_ID,
  OCCURRED_AT,
  OTHER_PARTNER_ID,
  PARTNER_ID,
  RECORDED_AT,
  allocated,
  byPartner,
  bySystem,
  command,
  delivered,
  event,
  received,
  referred,
} from '../testing/lead-scenario';

const spec = deciderSpecification(leadAggregate);
const allocate = command('AllocateLead', { partnerId: PARTNER_ID });
const refer = command('ReferLead', { partnerId: PARTNER_ID, expiresAt: EXPIRES_AT });

describe('AllocateLead', () => {
  it('allocates a received lead to the partner routing chose', () => {
    spec
      .given([received()])
      .when(allocate)
      .then([event('LeadAllocated', { partnerId: PARTNER_ID, allocatedAt: OCCURRED_AT })]);
  });

  it('decides nothing when the same allocation arrives again', () => {
    spec.given([received(), allocated()]).when(allocate).then([]);
  });

  it('refuses another partner once allocated', () => {
    spec
      .given([received(), allocated(OTHER_PARTNER_ID)])
      .when(allocate)
      .thenThrows(LeadErrorCode.ALREADY_ALLOCATED);
  });

  it('refuses while a referral waits for an answer', () => {
    spec.given([received(), referred()]).when(allocate).thenThrows(LeadErrorCode.REFERRAL_PENDING);
  });

  it('refuses a delivered lead', () => {
    spec
      .given([received(), allocated(), delivered()])
      .when(command('AllocateLead', { partnerId: OTHER_PARTNER_ID }))
      .thenThrows(LeadErrorCode.ALREADY_DELIVERED);
  });

  it('refuses a lead that was never received', () => {
    spec.given([]).when(allocate).thenThrows(LeadErrorCode.LEAD_NOT_RECEIVED);
  });

  it('refuses a command sent down the wrong stream', () => {
    spec
      .given([received()])
      .when({
        ...allocate,
        data: { ...allocate.data, leadId: '0b9e7c1d-2f3a-4b5c-8d6e-7f8091a2b3c4' },
      })
      .thenThrows({ code: LeadErrorCode.LEAD_ID_MISMATCH, field: 'leadId' });
  });

  it('accepts the lead id in any case, as the contract does', () => {
    spec
      .given([received()])
      .when({ ...allocate, data: { ...allocate.data, leadId: LEAD_ID.toUpperCase() } })
      .then([event('LeadAllocated', { partnerId: PARTNER_ID, allocatedAt: OCCURRED_AT })]);
  });

  it('refuses a partner allocating a lead to itself', () => {
    spec
      .given([received()])
      .when(command('AllocateLead', { partnerId: PARTNER_ID }, byPartner()))
      .thenThrows(LeadErrorCode.ACTOR_NOT_ALLOWED);
  });
});

describe('ReferLead', () => {
  it('offers a received lead to a partner until the expiry', () => {
    spec
      .given([received()])
      .when(refer)
      .then([
        event('LeadReferred', {
          partnerId: PARTNER_ID,
          referredAt: OCCURRED_AT,
          expiresAt: EXPIRES_AT,
        }),
      ]);
  });

  it('decides nothing when the same offer arrives again, even after it was declined', () => {
    const declined = event('ReferralDeclined', {
      partnerId: PARTNER_ID,
      declinedAt: RECORDED_AT,
      declinedBy: { type: 'partner', id: PARTNER_ID },
      reason: null,
    });
    spec.given([received(), referred()]).when(refer).then([]);
    spec.given([received(), referred(), declined]).when(refer).then([]);
  });

  it('offers the lead to the next partner after one declined', () => {
    const declined = event('ReferralDeclined', {
      partnerId: PARTNER_ID,
      declinedAt: RECORDED_AT,
      declinedBy: { type: 'partner', id: PARTNER_ID },
      reason: 'outside our area',
    });
    spec
      .given([received(), referred(), declined])
      .when(command('ReferLead', { partnerId: OTHER_PARTNER_ID, expiresAt: EXPIRES_AT }))
      .then([
        event('LeadReferred', {
          partnerId: OTHER_PARTNER_ID,
          referredAt: OCCURRED_AT,
          expiresAt: EXPIRES_AT,
        }),
      ]);
  });

  it('refuses a second offer while one is pending', () => {
    spec
      .given([received(), referred()])
      .when(command('ReferLead', { partnerId: OTHER_PARTNER_ID, expiresAt: EXPIRES_AT }))
      .thenThrows(LeadErrorCode.REFERRAL_PENDING);
  });

  it('refuses an expiry that is not ahead', () => {
    spec
      .given([received()])
      .when(command('ReferLead', { partnerId: PARTNER_ID, expiresAt: OCCURRED_AT }))
      .thenThrows({ code: LeadErrorCode.INVALID_COMMAND, field: 'expiresAt' });
  });

  it('refuses an allocated lead', () => {
    spec
      .given([received(), allocated()])
      .when(
        command('ReferLead', { partnerId: OTHER_PARTNER_ID, expiresAt: EXPIRES_AT }, bySystem()),
      )
      .thenThrows(LeadErrorCode.ALREADY_ALLOCATED);
  });
});
