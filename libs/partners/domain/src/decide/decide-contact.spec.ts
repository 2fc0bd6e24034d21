import { decidePartner } from './decide-partner';
import { PartnerErrorCode } from '../errors/partner-error';
import type { ContactDetails } from '../model/partner-settings';
import { command, decideAfter, event, refusalOf, registered } from '../testing/partner-scenario';

const contact: ContactDetails = {
  phone: '+447700900123',
  email: 'ops@acme.example',
  transferPhone: '+442079460000',
};

describe(decidePartner.name, () => {
  describe('SetContactDetails', () => {
    it('sets the phone, email and transfer phone', () => {
      const given = [registered()];
      const when = command('SetContactDetails', { contact });

      expect(decideAfter(given, when)).toEqual([event('ContactDetailsChanged', { contact })]);
    });

    it('clears a detail set to null', () => {
      const given = [registered({ contact })];
      const when = command('SetContactDetails', { contact: { ...contact, transferPhone: null } });

      expect(decideAfter(given, when)).toEqual([
        event('ContactDetailsChanged', { contact: { ...contact, transferPhone: null } }),
      ]);
    });

    it('decides nothing when the details stay the same', () => {
      const given = [registered({ contact })];
      const when = command('SetContactDetails', { contact: { ...contact } });

      expect(decideAfter(given, when)).toEqual([]);
    });

    it.each([
      ['phone', '07700 900123'],
      ['phone', '+0447700900123'],
      ['transferPhone', '+44 20 7946 0000'],
      ['transferPhone', '+4420794600001234'],
    ] as const)('refuses the %s %p, which is not E.164', (key, value) => {
      const given = [registered()];
      const when = command('SetContactDetails', { contact: { ...contact, [key]: value } });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.INVALID_PHONE,
        field: `contact.${key}`,
      });
    });

    it.each(['ops', 'ops@', 'ops@acme', 'ops @acme.example', 'ops@-acme.example'])(
      'refuses the email %p',
      (email) => {
        const given = [registered()];
        const when = command('SetContactDetails', { contact: { ...contact, email } });

        expect(refusalOf(given, when)).toMatchObject({
          code: PartnerErrorCode.INVALID_EMAIL,
          field: 'contact.email',
        });
      },
    );
  });

  describe('SetTextAlerts', () => {
    it('turns on SMS alerts for referrals and low funds', () => {
      const given = [registered({ contact })];
      const when = command('SetTextAlerts', { textAlerts: { onReferral: true, onLowFunds: true } });

      expect(decideAfter(given, when)).toEqual([
        event('TextAlertsChanged', { textAlerts: { onReferral: true, onLowFunds: true } }),
      ]);
    });

    it('decides nothing when the alerts stay the same', () => {
      const given = [registered()];
      const when = command('SetTextAlerts', {
        textAlerts: { onReferral: false, onLowFunds: false },
      });

      expect(decideAfter(given, when)).toEqual([]);
    });

    it('refuses to turn alerts on for a partner with no phone number to text', () => {
      const given = [registered({ contact: { ...contact, phone: null } })];
      const when = command('SetTextAlerts', {
        textAlerts: { onReferral: false, onLowFunds: true },
      });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.TEXT_ALERTS_NEED_PHONE,
        field: 'textAlerts',
      });
    });

    it('refuses to clear the phone number while text alerts are on', () => {
      const given = [registered({ contact, textAlerts: { onReferral: true, onLowFunds: false } })];
      const when = command('SetContactDetails', { contact: { ...contact, phone: null } });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.TEXT_ALERTS_NEED_PHONE,
        field: 'contact.phone',
      });
    });
  });
});
