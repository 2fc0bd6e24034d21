import type { PortalAccess } from './portal-access';
import { ANY_PORTAL_ACCESS, decidePortalAccess } from './portal-access-decision';

const access = (level: PortalAccess['level'], active = true): PortalAccess => ({
  level,
  active,
  requireReferralAcceptance: false,
  mayUpdateLeadStatus: false,
});

describe(decidePortalAccess.name, () => {
  it('allows a level the route lists', () => {
    expect(decidePortalAccess(access('leads-only'), ['leads-and-reports', 'leads-only'])).toEqual({
      allowed: true,
    });
    expect(decidePortalAccess(access('everything-except-leads'), ANY_PORTAL_ACCESS)).toEqual({
      allowed: true,
    });
  });

  it('refuses a level the route does not list, naming it and the levels that would do', () => {
    expect(
      decidePortalAccess(access('everything-except-leads'), ['leads-and-reports', 'leads-only']),
    ).toEqual({
      allowed: false,
      message:
        'portal access level "everything-except-leads" does not include this; it needs "leads-and-reports" or "leads-only"',
    });
  });

  it('refuses level none, an inactive partner and an unknown one on every route', () => {
    expect(decidePortalAccess(access('none'), ANY_PORTAL_ACCESS)).toMatchObject({
      allowed: false,
      message: expect.stringContaining('level "none"') as unknown,
    });
    expect(decidePortalAccess(access('leads-and-reports', false), ANY_PORTAL_ACCESS)).toEqual({
      allowed: false,
      message: 'this partner is inactive: its portal is closed',
    });
    expect(decidePortalAccess(null, ANY_PORTAL_ACCESS)).toEqual({
      allowed: false,
      message: 'this partner has no portal access',
    });
  });
});
