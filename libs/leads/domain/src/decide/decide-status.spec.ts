import { deciderSpecification } from '@leadrail/decider-testing';
import { LeadErrorCode } from '../errors/lead-error';
import type { StatusBillingPoint } from '../model/billing-points';
import type { LeadActor } from '../model/command-metadata';
import { leadAggregate } from '../lead-aggregate';
import {
  CATALOGUE,
  EXPIRES_AT,
  OCCURRED_AT,
  OTHER_PARTNER_ID,
  PARTNER_ID,
  RECORDED_AT,
  allocated,
  byOperator,
  byPartner,
  command,
  delivered,
  deliveredLead,
  event,
  received,
  referred,
} from '../testing/lead-scenario';

const spec = deciderSpecification(leadAggregate);
const partner: LeadActor = { type: 'partner', id: PARTNER_ID };

function changeTo(status: string, actor = byPartner()) {
  return command('ChangeLeadStatus', { status, catalogue: CATALOGUE }, actor);
}

function changed(
  status: string,
  previousStatus: string | null,
  billingPointsReached: StatusBillingPoint[],
  changedBy: LeadActor = partner,
) {
  return event('LeadStatusChanged', {
    partnerId: PARTNER_ID,
    status,
    previousStatus,
    billingPointsReached,
    changedBy,
    changedAt: OCCURRED_AT,
  });
}

describe('ChangeLeadStatus', () => {
  it('sets a status that is no billing point', () => {
    spec
      .given(deliveredLead())
      .when(changeTo('contacted'))
      .then([changed('contacted', null, [])]);
  });

  it('names every billing point a change reaches, in order', () => {
    spec
      .given(deliveredLead())
      .when(changeTo('qualified'))
      .then([changed('qualified', null, ['accepted', 'qualified'])]);
  });

  it('moves forward from one billing point to the next', () => {
    spec
      .given([...deliveredLead(), changed('accepted', null, ['accepted'])])
      .when(changeTo('converted', byOperator()))
      .then([
        changed('converted', 'accepted', ['qualified', 'converted'], {
          type: 'operator',
          id: 'operator-1',
        }),
      ]);
  });

  it('refuses a billing point behind the one reached', () => {
    spec
      .given([...deliveredLead(), changed('qualified', null, ['accepted', 'qualified'])])
      .when(changeTo('accepted'))
      .thenThrows({ code: LeadErrorCode.STATUS_MOVES_BACKWARD, field: 'status' });
  });

  it('lets a status without a billing point follow one, and the billing point return uncharged', () => {
    const given = [...deliveredLead(), changed('qualified', null, ['accepted', 'qualified'])];
    spec
      .given(given)
      .when(changeTo('lost'))
      .then([changed('lost', 'qualified', [])]);
    spec
      .given([...given, changed('lost', 'qualified', [])])
      .when(changeTo('qualified'))
      .then([changed('qualified', 'lost', [])]);
  });

  it('counts an accepted referral as the accepted billing point', () => {
    const accepted = event('ReferralAccepted', {
      partnerId: PARTNER_ID,
      acceptedAt: RECORDED_AT,
      acceptedBy: partner,
    });
    spec
      .given([received(), referred(), accepted, delivered()])
      .when(changeTo('qualified'))
      .then([changed('qualified', null, ['qualified'])]);
  });

  it('decides nothing when the status is set again', () => {
    spec
      .given([...deliveredLead(), changed('contacted', null, [])])
      .when(changeTo('contacted'))
      .then([]);
  });

  it('refuses a status the catalogue does not have', () => {
    spec
      .given(deliveredLead())
      .when(changeTo('sold'))
      .thenThrows({ code: LeadErrorCode.UNKNOWN_STATUS, field: 'status' });
  });

  it('refuses a catalogue with one billing point for two statuses', () => {
    const catalogue = {
      statuses: [
        { status: 'won', billingPoint: 'converted' as const },
        { status: 'sold', billingPoint: 'converted' as const },
      ],
    };
    spec
      .given(deliveredLead())
      .when(command('ChangeLeadStatus', { status: 'won', catalogue }, byOperator()))
      .thenThrows({
        code: LeadErrorCode.INVALID_COMMAND,
        field: 'catalogue.statuses[1].billingPoint',
      });
  });

  it('refuses a lead not delivered yet', () => {
    spec
      .given([received(), allocated()])
      .when(changeTo('contacted'))
      .thenThrows(LeadErrorCode.LEAD_NOT_DELIVERED);
  });

  it('hides the lead from a partner it was never offered to', () => {
    spec
      .given(deliveredLead())
      .when(changeTo('contacted', byPartner(OTHER_PARTNER_ID)))
      .thenThrows(LeadErrorCode.LEAD_NOT_RECEIVED);
  });

  it('refuses a partner that declined the lead once it went elsewhere', () => {
    const declined = event('ReferralDeclined', {
      partnerId: OTHER_PARTNER_ID,
      declinedAt: RECORDED_AT,
      declinedBy: { type: 'partner', id: OTHER_PARTNER_ID },
      reason: null,
    });
    spec
      .given([received(), referred(OTHER_PARTNER_ID), declined, allocated(), delivered()])
      .when(changeTo('contacted', byPartner(OTHER_PARTNER_ID, EXPIRES_AT)))
      .thenThrows(LeadErrorCode.NOT_ALLOCATED_TO_PARTNER);
  });
});
