import { routingDecisionCommand } from './routing-decision-command';

const PARTNER = '5d5b3ca9-467b-42e6-83f3-f0d8a37de243';
const NOW = new Date('2026-11-25T09:00:02.000Z');

describe(routingDecisionCommand.name, () => {
  it('refers the lead to a partner that must accept referrals, until the timeout', () => {
    expect(
      routingDecisionCommand({
        partnerId: PARTNER,
        requireReferralAcceptance: true,
        referralTimeoutMinutes: 60,
        now: NOW,
      }),
    ).toEqual({
      type: 'ReferLead',
      data: { partnerId: PARTNER, expiresAt: '2026-11-25T10:00:02.000Z' },
    });
  });

  it('allocates the lead to a partner that takes leads without a referral', () => {
    expect(
      routingDecisionCommand({
        partnerId: PARTNER,
        requireReferralAcceptance: false,
        referralTimeoutMinutes: 60,
        now: NOW,
      }),
    ).toEqual({ type: 'AllocateLead', data: { partnerId: PARTNER } });
  });
});
