import { deciderSpecification } from '@leadrail/decider-testing';
import { LeadErrorCode } from '../errors/lead-error';
import { leadAggregate } from '../lead-aggregate';
import {
  OCCURRED_AT,
  OTHER_PARTNER_ID,
  PARTNER_ID,
  allocated,
  command,
  delivered,
  event,
  received,
  referred,
} from '../testing/lead-scenario';

const spec = deciderSpecification(leadAggregate);
const record = command('RecordDelivery', { partnerId: PARTNER_ID, partnerReference: 'CRM-1' });
const fail = command('RecordDeliveryFailure', {
  partnerId: PARTNER_ID,
  reason: 'HTTP 500 after 5 tries',
});
const failed = event('LeadDeliveryFailed', {
  partnerId: PARTNER_ID,
  failedAt: OCCURRED_AT,
  reason: 'HTTP 500 after 5 tries',
});

describe('RecordDelivery', () => {
  it('records that the lead reached the partner it is allocated to', () => {
    spec
      .given([received(), allocated()])
      .when(record)
      .then([
        event('LeadDelivered', {
          partnerId: PARTNER_ID,
          deliveredAt: OCCURRED_AT,
          partnerReference: 'CRM-1',
        }),
      ]);
  });

  it('decides nothing when the same delivery is reported again', () => {
    spec.given([received(), allocated(), delivered()]).when(record).then([]);
  });

  it('refuses a different delivery of a delivered lead', () => {
    spec
      .given([received(), allocated(), delivered()])
      .when(command('RecordDelivery', { partnerId: PARTNER_ID, partnerReference: 'CRM-2' }))
      .thenThrows(LeadErrorCode.ALREADY_DELIVERED);
  });

  it('refuses a delivery to a partner the lead is not allocated to', () => {
    spec
      .given([received(), allocated(OTHER_PARTNER_ID)])
      .when(record)
      .thenThrows({ code: LeadErrorCode.NOT_ALLOCATED_TO_PARTNER, field: 'partnerId' });
    spec
      .given([received(), referred()])
      .when(record)
      .thenThrows(LeadErrorCode.NOT_ALLOCATED_TO_PARTNER);
  });
});

describe('RecordDeliveryFailure', () => {
  it('records that delivery gave up, and the lead can be routed again', () => {
    spec.given([received(), allocated()]).when(fail).then([failed]);
    spec
      .given([received(), allocated(), failed])
      .when(command('AllocateLead', { partnerId: OTHER_PARTNER_ID }))
      .then([event('LeadAllocated', { partnerId: OTHER_PARTNER_ID, allocatedAt: OCCURRED_AT })]);
  });

  it('decides nothing when the failure is reported again', () => {
    spec.given([received(), allocated(), failed]).when(fail).then([]);
  });

  it('refuses a failure of a delivered lead', () => {
    spec
      .given([received(), allocated(), delivered()])
      .when(fail)
      .thenThrows(LeadErrorCode.ALREADY_DELIVERED);
  });

  it('refuses a failure for a partner the lead is not allocated to', () => {
    spec
      .given([received(), allocated(OTHER_PARTNER_ID)])
      .when(fail)
      .thenThrows(LeadErrorCode.NOT_ALLOCATED_TO_PARTNER);
  });

  it('refuses a failure without a reason', () => {
    spec
      .given([received(), allocated()])
      .when(command('RecordDeliveryFailure', { partnerId: PARTNER_ID, reason: '  ' }))
      .thenThrows({ code: LeadErrorCode.INVALID_COMMAND, field: 'reason' });
  });
});
