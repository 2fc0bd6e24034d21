import { deciderSpecification } from '@leadrail/decider-testing';
import { LeadErrorCode } from '../errors/lead-error';
import { leadAggregate } from '../lead-aggregate';
import {
  OCCURRED_AT,
  OTHER_PARTNER_ID,
  PARTNER_ID,
  allocated,
  byOperator,
  byPartner,
  command,
  deliveredLead,
  event,
  received,
} from '../testing/lead-scenario';

const spec = deciderSpecification(leadAggregate);
// Delivered at 2026-11-25T09:00Z: a 7-day window closes at 2026-12-02T09:00Z.
const WINDOW_ENDS_AT = '2026-12-02T09:00:00.000Z';
const request = command(
  'RequestReturn',
  { partnerId: PARTNER_ID, reason: 'wrong number', returnWindowDays: 7 },
  byPartner(),
);
const requested = event('ReturnRequested', {
  partnerId: PARTNER_ID,
  reason: 'wrong number',
  requestedAt: OCCURRED_AT,
  windowEndsAt: WINDOW_ENDS_AT,
});
const operator = { type: 'operator', id: 'operator-1' } as const;
const accepted = event('ReturnAccepted', {
  partnerId: PARTNER_ID,
  acceptedAt: OCCURRED_AT,
  acceptedBy: operator,
});
const declined = event('ReturnDeclined', {
  partnerId: PARTNER_ID,
  reason: 'the number answers',
  declinedAt: OCCURRED_AT,
  declinedBy: operator,
});
const acceptReturn = command('AcceptReturn', {}, byOperator());
const declineReturn = command('DeclineReturn', { reason: 'the number answers' }, byOperator());

describe('RequestReturn', () => {
  it('lets the partner ask to return a lead delivered to it, within the window', () => {
    spec.given(deliveredLead()).when(request).then([requested]);
  });

  it('refuses a request once the window has closed', () => {
    spec
      .given(deliveredLead())
      .when({ ...request, metadata: byPartner(PARTNER_ID, WINDOW_ENDS_AT) })
      .thenThrows(LeadErrorCode.RETURN_WINDOW_CLOSED);
    spec
      .given(deliveredLead())
      .when({ ...request, data: { ...request.data, returnWindowDays: 0 } })
      .thenThrows(LeadErrorCode.RETURN_WINDOW_CLOSED);
  });

  it('decides nothing when the request arrives again', () => {
    spec
      .given([...deliveredLead(), requested])
      .when(request)
      .then([]);
  });

  it('refuses a request once the return was decided', () => {
    spec
      .given([...deliveredLead(), requested, declined])
      .when(request)
      .thenThrows(LeadErrorCode.RETURN_ALREADY_DECIDED);
  });

  it('refuses a lead not delivered yet', () => {
    spec
      .given([received(), allocated()])
      .when(request)
      .thenThrows(LeadErrorCode.LEAD_NOT_DELIVERED);
  });

  it('hides the lead from a partner it was not delivered to', () => {
    spec
      .given(deliveredLead())
      .when(
        command(
          'RequestReturn',
          { partnerId: OTHER_PARTNER_ID, reason: 'x', returnWindowDays: 7 },
          byPartner(OTHER_PARTNER_ID),
        ),
      )
      .thenThrows(LeadErrorCode.LEAD_NOT_RECEIVED);
  });

  it('refuses anyone but the partner', () => {
    spec
      .given(deliveredLead())
      .when({ ...request, metadata: byOperator() })
      .thenThrows(LeadErrorCode.ACTOR_NOT_ALLOWED);
  });

  it('refuses a window that is not a whole number of days', () => {
    spec
      .given(deliveredLead())
      .when({ ...request, data: { ...request.data, returnWindowDays: 1.5 } })
      .thenThrows({ code: LeadErrorCode.INVALID_COMMAND, field: 'returnWindowDays' });
  });
});

describe('AcceptReturn', () => {
  it('returns the lead', () => {
    spec
      .given([...deliveredLead(), requested])
      .when(acceptReturn)
      .then([accepted]);
  });

  it('decides nothing when agreed again', () => {
    spec
      .given([...deliveredLead(), requested, accepted])
      .when(acceptReturn)
      .then([]);
  });

  it('refuses a lead whose return nobody asked for', () => {
    spec.given(deliveredLead()).when(acceptReturn).thenThrows(LeadErrorCode.NO_RETURN_REQUESTED);
  });

  it('refuses a return already declined', () => {
    spec
      .given([...deliveredLead(), requested, declined])
      .when(acceptReturn)
      .thenThrows(LeadErrorCode.RETURN_ALREADY_DECIDED);
  });

  it('freezes the status of a returned lead', () => {
    spec
      .given([...deliveredLead(), requested, accepted])
      .when(
        command(
          'ChangeLeadStatus',
          { status: 'x', catalogue: { statuses: [{ status: 'x', billingPoint: null }] } },
          byOperator(),
        ),
      )
      .thenThrows(LeadErrorCode.LEAD_RETURNED);
  });
});

describe('DeclineReturn', () => {
  it('refuses the return, saying why', () => {
    spec
      .given([...deliveredLead(), requested])
      .when(declineReturn)
      .then([declined]);
  });

  it('decides nothing when refused again', () => {
    spec
      .given([...deliveredLead(), requested, declined])
      .when(declineReturn)
      .then([]);
  });

  it('refuses a lead already returned', () => {
    spec
      .given([...deliveredLead(), requested, accepted])
      .when(declineReturn)
      .thenThrows(LeadErrorCode.RETURN_ALREADY_DECIDED);
  });

  it('refuses a partner deciding its own return', () => {
    spec
      .given([...deliveredLead(), requested])
      .when({ ...declineReturn, metadata: byPartner() })
      .thenThrows({ code: LeadErrorCode.ACTOR_NOT_ALLOWED, field: 'metadata.actor.type' });
  });
});
