import { deciderSpecification } from '@leadrail/decider-testing';
import { PartnerErrorCode } from '../errors/partner-error';
import { partnerAggregate } from '../partner-aggregate';
import {
  OCCURRED_AT,
  PARTNER_ID,
  byPartner,
  bySystem,
  command,
  event,
  gbp,
  registered,
} from '../testing/partner-scenario';
import { decidePartner } from './decide-partner';

const spec = deciderSpecification(partnerAggregate);

/** A partner that can sign in to its portal, where it pauses and resumes itself. */
const withPortal = registered({
  portalAccess: {
    level: 'leads-only',
    requireReferralAcceptance: false,
    mayUpdateLeadStatus: false,
  },
});

const pausedByOperator = event('DeliveriesPaused', {
  pause: { by: { type: 'operator', id: 'operator-1' }, at: OCCURRED_AT },
});

describe(decidePartner.name, () => {
  describe('PauseDeliveries', () => {
    it('pauses deliveries, recording that an operator paused them', () => {
      spec.given([registered()]).when(command('PauseDeliveries', {})).then([pausedByOperator]);
    });

    it('lets a partner pause its own deliveries', () => {
      spec
        .given([withPortal])
        .when(command('PauseDeliveries', {}, byPartner(PARTNER_ID)))
        .then([
          event('DeliveriesPaused', {
            pause: { by: { type: 'partner', id: PARTNER_ID }, at: OCCURRED_AT },
          }),
        ]);
    });

    it('refuses a partner whose portal access the operator has taken away', () => {
      spec
        .given([registered()])
        .when(command('PauseDeliveries', {}, byPartner(PARTNER_ID)))
        .thenThrows({
          code: PartnerErrorCode.ACTOR_NOT_ALLOWED,
          message: 'metadata.actor: this partner has no portal access',
        });
    });

    it('decides nothing when deliveries are already paused', () => {
      spec
        .given([withPortal, pausedByOperator])
        .when(command('PauseDeliveries', {}, byPartner()))
        .then([]);
    });

    it("refuses a partner pausing another partner's deliveries", () => {
      spec
        .given([withPortal])
        .when(command('PauseDeliveries', {}, byPartner('rival-leads')))
        .thenThrows({ code: PartnerErrorCode.ACTOR_NOT_ALLOWED, field: 'metadata.actor.id' });
    });

    it('refuses a pause by automation, since a pause records an operator or partner', () => {
      spec
        .given([registered()])
        .when(command('PauseDeliveries', {}, bySystem()))
        .thenThrows(PartnerErrorCode.ACTOR_NOT_ALLOWED);
    });
  });

  describe('ResumeDeliveries', () => {
    it('lets a partner resume deliveries an operator paused', () => {
      spec
        .given([withPortal, pausedByOperator])
        .when(command('ResumeDeliveries', {}, byPartner()))
        .then([event('DeliveriesResumed', {})]);
    });

    it('decides nothing when deliveries are not paused', () => {
      spec.given([registered()]).when(command('ResumeDeliveries', {})).then([]);
    });

    it("refuses a partner resuming another partner's deliveries", () => {
      spec
        .given([withPortal, pausedByOperator])
        .when(command('ResumeDeliveries', {}, byPartner('rival-leads')))
        .thenThrows({ code: PartnerErrorCode.ACTOR_NOT_ALLOWED, field: 'metadata.actor.id' });
    });
  });

  describe('partner self-service', () => {
    it('refuses a partner changing anything but whether its deliveries are paused', () => {
      spec
        .given([withPortal])
        .when(command('SetLeadValue', { leadValue: gbp(1) }, byPartner()))
        .thenThrows({ code: PartnerErrorCode.ACTOR_NOT_ALLOWED, field: 'metadata.actor' });
    });
  });
});
