import { decidePartner } from './decide-partner';
import { PartnerErrorCode } from '../errors/partner-error';
import { PORTAL_ACCESS_LEVELS, type PortalAccess } from '../model/partner-settings';
import type { PortalLoginInput } from '../commands/partner-command-inputs';
import {
  OCCURRED_AT,
  command,
  decideAfter,
  event,
  refusalOf,
  registered,
} from '../testing/partner-scenario';

const acceptanceRequired: PortalAccess = {
  level: 'leads-only',
  requireReferralAcceptance: true,
  mayUpdateLeadStatus: false,
};

describe(decidePartner.name, () => {
  describe('SetPortalAccess', () => {
    it.each(PORTAL_ACCESS_LEVELS)('grants the %s access level', (level) => {
      const given = [registered()];
      const portalAccess: PortalAccess = {
        level,
        requireReferralAcceptance: true,
        mayUpdateLeadStatus: true,
      };
      const when = command('SetPortalAccess', { portalAccess });

      expect(decideAfter(given, when)).toEqual([event('PortalAccessChanged', { portalAccess })]);
    });

    it('decides nothing when the access stays the same', () => {
      const given = [registered({ portalAccess: acceptanceRequired })];
      const when = command('SetPortalAccess', { portalAccess: { ...acceptanceRequired } });

      expect(decideAfter(given, when)).toEqual([]);
    });

    it('refuses an unknown access level', () => {
      const given = [registered()];
      const portalAccess = { ...acceptanceRequired, level: 'admin' } as unknown as PortalAccess;
      const when = command('SetPortalAccess', { portalAccess });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.INVALID_OPTION,
        field: 'portalAccess.level',
      });
    });

    it('refuses to stop requiring acceptance while the partner is billed at acceptance', () => {
      const given = [registered({ portalAccess: acceptanceRequired, billingPoint: 'acceptance' })];
      const when = command('SetPortalAccess', {
        portalAccess: { ...acceptanceRequired, requireReferralAcceptance: false },
      });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.ACCEPTANCE_BILLING_NEEDS_REFERRAL_ACCEPTANCE,
        field: 'portalAccess.requireReferralAcceptance',
      });
    });
  });

  describe('RecordPortalLogin', () => {
    it.each(['password', 'invitation'] as const)(
      'records a login created by %s, without credentials',
      (method) => {
        const given = [registered()];
        const when = command('RecordPortalLogin', {
          portalLogin: { email: 'ops@acme.example', method },
        });

        expect(decideAfter(given, when)).toEqual([
          event('PortalLoginCreated', {
            portalLogin: { email: 'ops@acme.example', method, createdAt: OCCURRED_AT },
          }),
        ]);
      },
    );

    it('never records a password that came along with the command', () => {
      const given = [registered()];
      const portalLogin = {
        email: 'ops@acme.example',
        method: 'password',
        password: 'hunter2',
        passwordHash: '$argon2id$v=19$m=65536$c2FsdA$aGFzaA',
      } as PortalLoginInput;
      const when = command('RecordPortalLogin', { portalLogin });

      expect(JSON.stringify(decideAfter(given, when))).not.toMatch(/hunter2|argon2/);
    });

    it('decides nothing when the same login is recorded again', () => {
      const given = [registered()];
      const when = command('RecordPortalLogin', {
        portalLogin: { email: 'ops@acme.example', method: 'password' },
      });
      const recorded = decideAfter(given, when);

      expect(decideAfter([...given, ...recorded], when)).toEqual([]);
    });

    it('refuses a second, different login', () => {
      const given = [
        registered({
          portalLogin: { email: 'ops@acme.example', method: 'invitation', createdAt: OCCURRED_AT },
        }),
      ];
      const when = command('RecordPortalLogin', {
        portalLogin: { email: 'sales@acme.example', method: 'password' },
      });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.PORTAL_LOGIN_ALREADY_EXISTS,
        field: 'portalLogin',
      });
    });

    it('refuses a login whose email is malformed', () => {
      const given = [registered()];
      const when = command('RecordPortalLogin', {
        portalLogin: { email: 'ops@acme', method: 'password' },
      });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.INVALID_EMAIL,
        field: 'portalLogin.email',
      });
    });
  });
});
