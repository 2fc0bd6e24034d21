import { deciderSpecification } from '@leadrail/decider-testing';
import { LeadErrorCode } from '../errors/lead-error';
import { leadAggregate } from '../lead-aggregate';
import {
  LEAD_ID,
  OCCURRED_AT,
  bySystem,
  byOperator,
  byPartner,
  command,
  deliveredLead,
  event,
  received,
} from '../testing/lead-scenario';

const spec = deciderSpecification(leadAggregate);
const erase = command('ErasePersonalData', {}, byOperator());
const erased = event('LeadPersonalDataErased', {
  erasedAt: OCCURRED_AT,
  erasedBy: { type: 'operator', id: 'operator-1' },
});
const rejected = event('LeadRejected', {
  rejection: {
    code: 'NO_CONSENT',
    reasons: [{ field: 'consent', message: 'no consent' }],
    duplicateOf: null,
  },
  rejectedAt: OCCURRED_AT,
});

describe('ErasePersonalData', () => {
  it('erases the personal data of a received lead, naming the operator', () => {
    spec.given([received()]).when(erase).then([erased]);
  });

  it('erases a lead at any later stage', () => {
    spec.given(deliveredLead()).when(erase).then([erased]);
  });

  it('erases a lead rejected at intake, and one rejected after it was recorded', () => {
    spec.given([rejected]).when(erase).then([erased]);
    spec.given([received(), rejected]).when(erase).then([erased]);
  });

  it('decides nothing when asked again', () => {
    spec.given([received(), erased]).when(erase).then([]);
    spec.given([rejected, erased]).when(erase).then([]);
  });

  it('decides nothing when asked again after the erased lead was rejected', () => {
    spec.given([received(), erased, rejected]).when(erase).then([]);
  });

  it('refuses a lead that was never recorded', () => {
    spec
      .given([])
      .when(erase)
      .thenThrows({
        code: LeadErrorCode.LEAD_NOT_RECEIVED,
        message: `lead ${LEAD_ID} was not found`,
      });
  });

  it('accepts the lead id in upper case, as the stream keeps it in lower case', () => {
    spec
      .given([received()])
      .when({ ...erase, data: { leadId: LEAD_ID.toUpperCase() } })
      .then([erased]);
  });

  it('refuses a command for another lead than the stream holds', () => {
    spec
      .given([received()])
      .when({ ...erase, data: { leadId: '0b9e7c1d-2f3a-4b5c-8d6e-7f8091a2b3c4' } })
      .thenThrows({ code: LeadErrorCode.LEAD_ID_MISMATCH, field: 'leadId' });
  });

  it.each([
    ['the system', bySystem()],
    ['a partner', byPartner()],
  ])('refuses %s, before looking at the lead', (_, metadata) => {
    for (const given of [[], [received()]]) {
      spec
        .given(given)
        .when({ ...erase, metadata })
        .thenThrows({ code: LeadErrorCode.ACTOR_NOT_ALLOWED, field: 'metadata.actor.type' });
    }
  });

  it('refuses metadata without a UTC instant', () => {
    spec
      .given([received()])
      .when({ ...erase, metadata: byOperator('2026-11-25 10:00') })
      .thenThrows(LeadErrorCode.INVALID_METADATA);
  });
});
