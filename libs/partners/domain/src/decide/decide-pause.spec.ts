import { decidePartner } from './decide-partner';
import { PartnerErrorCode } from '../errors/partner-error';
import {
  OCCURRED_AT,
  PARTNER_ID,
  byPartner,
  bySystem,
  command,
  decideAfter,
  event,
  gbp,
  refusalOf,
  registered,
} from '../testing/partner-scenario';

const pausedByOperator = event('DeliveriesPaused', {
  pause: { by: { type: 'operator', id: 'operator-1' }, at: OCCURRED_AT },
});

describe(decidePartner.name, () => {
  describe('PauseDeliveries', () => {
    it('pauses deliveries, recording that an operator paused them', () => {
      const given = [registered()];
      const when = command('PauseDeliveries', {});

      expect(decideAfter(given, when)).toEqual([pausedByOperator]);
    });

    it('lets a partner pause its own deliveries', () => {
      const given = [registered()];
      const when = command('PauseDeliveries', {}, byPartner(PARTNER_ID));

      expect(decideAfter(given, when)).toEqual([
        event('DeliveriesPaused', {
          pause: { by: { type: 'partner', id: PARTNER_ID }, at: OCCURRED_AT },
        }),
      ]);
    });

    it('decides nothing when deliveries are already paused', () => {
      const given = [registered(), pausedByOperator];
      const when = command('PauseDeliveries', {}, byPartner());

      expect(decideAfter(given, when)).toEqual([]);
    });

    it("refuses a partner pausing another partner's deliveries", () => {
      const given = [registered()];
      const when = command('PauseDeliveries', {}, byPartner('rival-leads'));

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.ACTOR_NOT_ALLOWED,
        field: 'metadata.actor.id',
      });
    });

    it('refuses a pause by automation, since a pause records an operator or partner', () => {
      const given = [registered()];
      const when = command('PauseDeliveries', {}, bySystem());

      expect(refusalOf(given, when)).toMatchObject({ code: PartnerErrorCode.ACTOR_NOT_ALLOWED });
    });
  });

  describe('ResumeDeliveries', () => {
    it('lets a partner resume deliveries an operator paused', () => {
      const given = [registered(), pausedByOperator];
      const when = command('ResumeDeliveries', {}, byPartner());

      expect(decideAfter(given, when)).toEqual([event('DeliveriesResumed', {})]);
    });

    it('decides nothing when deliveries are not paused', () => {
      const given = [registered()];
      const when = command('ResumeDeliveries', {});

      expect(decideAfter(given, when)).toEqual([]);
    });

    it("refuses a partner resuming another partner's deliveries", () => {
      const given = [registered(), pausedByOperator];
      const when = command('ResumeDeliveries', {}, byPartner('rival-leads'));

      expect(refusalOf(given, when)).toMatchObject({ code: PartnerErrorCode.ACTOR_NOT_ALLOWED });
    });
  });

  describe('partner self-service', () => {
    it('refuses a partner changing anything but whether its deliveries are paused', () => {
      const given = [registered()];
      const when = command('SetLeadValue', { leadValue: gbp(1) }, byPartner());

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.ACTOR_NOT_ALLOWED,
        field: 'metadata.actor',
      });
    });
  });
});
