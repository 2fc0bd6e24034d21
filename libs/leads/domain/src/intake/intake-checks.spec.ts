import { mortgageLeadFromCrm } from '@leadrail/leads-contracts';
import type { LeadDetails } from '../model/lead-details';
import { toLeadDetails } from '../validation/lead-details';
import {
  type IntakeContext,
  type IntroducerStanding,
  type LeadTypeEntry,
  refusalBeforeDeduplication,
} from './intake-checks';

const lead = toLeadDetails(mortgageLeadFromCrm.payload.data);
const ACTIVE_TYPE: LeadTypeEntry = {
  slug: 'mortgage',
  name: 'Mortgage',
  active: true,
  routingMethod: 'round-robin',
};
const ACTIVE_INTRODUCER: IntroducerStanding = { active: true, type: 'introducer' };
const fine: IntakeContext = { leadType: ACTIVE_TYPE, introducer: ACTIVE_INTRODUCER };

/** The example lead with only some ways of contact, and the given consents. */
function reachableBy(
  ways: { email?: boolean; phone?: boolean },
  consent: { contactByEmail: boolean; contactByPhone: boolean },
): LeadDetails {
  const { email, phone, ...rest } = lead.contact;
  return {
    ...lead,
    contact: {
      ...rest,
      ...(ways.email === true ? { email } : {}),
      ...(ways.phone === true ? { phone } : {}),
    },
    consent: { ...lead.consent, ...consent },
  };
}

describe(refusalBeforeDeduplication.name, () => {
  it('lets a lead of an active type from an active introducer with consent through', () => {
    expect(refusalBeforeDeduplication(lead, fine)).toBeNull();
  });

  describe('lead type', () => {
    it('refuses a type the catalogue does not have', () => {
      expect(refusalBeforeDeduplication(lead, { ...fine, leadType: null })).toEqual({
        code: 'UNKNOWN_LEAD_TYPE',
        reasons: [{ field: 'leadType', message: 'lead type mortgage is unknown' }],
        duplicateOf: null,
      });
    });

    it('refuses a type operators switched off, saying so', () => {
      const refusal = refusalBeforeDeduplication(lead, {
        ...fine,
        leadType: { ...ACTIVE_TYPE, active: false },
      });
      expect(refusal).toEqual({
        code: 'UNKNOWN_LEAD_TYPE',
        reasons: [
          { field: 'leadType', message: 'lead type mortgage is not accepted at the moment' },
        ],
        duplicateOf: null,
      });
    });
  });

  describe('introducer', () => {
    it.each<[string, IntroducerStanding | null]>([
      ['unknown', null],
      ['inactive', { active: false, type: 'introducer' }],
      ['inactive, though both', { active: false, type: 'both' }],
      ['a partner only', { active: true, type: 'partner' }],
    ])('refuses an introducer that is %s', (_, introducer) => {
      expect(refusalBeforeDeduplication(lead, { ...fine, introducer })).toEqual({
        code: 'INTRODUCER_NOT_ACTIVE',
        reasons: [
          {
            field: 'introducerId',
            message: expect.stringContaining(lead.introducerId) as string,
          },
        ],
        duplicateOf: null,
      });
    });

    it.each<IntroducerStanding['type']>(['introducer', 'both'])(
      'accepts an active introducer of type %s',
      (type) => {
        expect(
          refusalBeforeDeduplication(lead, { ...fine, introducer: { active: true, type } }),
        ).toBeNull();
      },
    );
  });

  describe('consent', () => {
    it('refuses a phone-only lead whose person refused calls', () => {
      const phoneOnly = reachableBy(
        { phone: true },
        { contactByPhone: false, contactByEmail: true },
      );
      expect(refusalBeforeDeduplication(phoneOnly, fine)).toEqual({
        code: 'NO_CONSENT',
        reasons: [{ field: 'consent', message: expect.any(String) as string }],
        duplicateOf: null,
      });
    });

    it('refuses an email-only lead whose person refused email', () => {
      const emailOnly = reachableBy(
        { email: true },
        { contactByPhone: true, contactByEmail: false },
      );
      expect(refusalBeforeDeduplication(emailOnly, fine)?.code).toBe('NO_CONSENT');
    });

    it('refuses a lead whose person agreed to nothing', () => {
      const both = reachableBy(
        { email: true, phone: true },
        { contactByPhone: false, contactByEmail: false },
      );
      expect(refusalBeforeDeduplication(both, fine)?.code).toBe('NO_CONSENT');
    });

    it('refuses a lead with neither email nor phone, whatever was agreed', () => {
      const neither = reachableBy({}, { contactByPhone: true, contactByEmail: true });
      expect(refusalBeforeDeduplication(neither, fine)?.code).toBe('NO_CONSENT');
    });

    it('accepts an email lead whose person agreed to email', () => {
      const emailOnly = reachableBy(
        { email: true },
        { contactByPhone: false, contactByEmail: true },
      );
      expect(refusalBeforeDeduplication(emailOnly, fine)).toBeNull();
    });

    it.each([
      { contactByPhone: true, contactByEmail: false },
      { contactByPhone: false, contactByEmail: true },
    ])('accepts a lead with email and phone when one of them is agreed (%o)', (consent) => {
      const both = reachableBy({ email: true, phone: true }, consent);
      expect(refusalBeforeDeduplication(both, fine)).toBeNull();
    });
  });

  describe('order of checks', () => {
    const noConsent = reachableBy(
      { phone: true },
      { contactByPhone: false, contactByEmail: false },
    );

    it('names the lead type before the introducer and consent', () => {
      expect(
        refusalBeforeDeduplication(noConsent, { leadType: null, introducer: null })?.code,
      ).toBe('UNKNOWN_LEAD_TYPE');
      expect(
        refusalBeforeDeduplication(noConsent, {
          leadType: { ...ACTIVE_TYPE, active: false },
          introducer: null,
        })?.code,
      ).toBe('UNKNOWN_LEAD_TYPE');
    });

    it('names the introducer before consent', () => {
      expect(refusalBeforeDeduplication(noConsent, { ...fine, introducer: null })?.code).toBe(
        'INTRODUCER_NOT_ACTIVE',
      );
    });

    it('names consent last', () => {
      expect(refusalBeforeDeduplication(noConsent, fine)?.code).toBe('NO_CONSENT');
    });
  });
});
