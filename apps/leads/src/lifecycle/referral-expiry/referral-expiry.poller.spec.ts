import { Logger } from '@nestjs/common';
import { ServiceMetrics } from '@leadrail/nest-kit';
import { expectEventually } from '@leadrail/testing';
import type { LeadCommands } from '../../lead/lead-commands';
import type { DeadlineHandled, ReferralDeadline, ReferralDeadlines } from './referral-deadlines';
import { ReferralExpiryMetrics } from './referral-expiry-metrics';
import { ReferralExpiryPoller } from './referral-expiry.poller';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const DUE: ReferralDeadline = {
  leadId: '3f6c1b9a-7d42-4e8f-b1a3-5c9d2e7f4a10',
  partnerId: 'b8d1c3e5-2f4a-4b6c-9d8e-0a1b2c3d4e5f',
  referredAt: '2026-11-29T11:00:00.000Z',
  expiresAt: '2026-11-29T11:59:00.000Z',
  attempts: 0,
};

/** The deadlines table as the poller sees it: one due referral, after `failures` refused connections. */
class DeadlinesStandIn {
  claims = 0;
  failures: number;
  pending = [DUE];
  /** Resolves a claim in flight, when `hold` is set. */
  release?: () => void;
  hold = false;

  constructor(failures = 0) {
    this.failures = failures;
  }

  async claimDue(
    _now: Date,
    _limit: number,
    handle: (deadline: ReferralDeadline) => Promise<DeadlineHandled>,
  ): Promise<number> {
    this.claims += 1;
    if (this.failures > 0) {
      this.failures -= 1;
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
        code: 'ECONNREFUSED',
      });
    }
    if (this.hold) {
      await new Promise<void>((release) => (this.release = release));
    }
    const due = this.pending;
    this.pending = [];
    for (const deadline of due) {
      await handle(deadline);
    }
    return due.length;
  }
}

function pollerWith(deadlines: DeadlinesStandIn, expired: string[], pollMs = 20) {
  const leads = {
    issue: (type: string, leadId: string) => {
      expired.push(`${type} ${leadId}`);
      return Promise.resolve({ events: ['ReferralExpired'], state: {}, revision: 2n });
    },
  };
  return new ReferralExpiryPoller(
    deadlines as unknown as ReferralDeadlines,
    leads as unknown as LeadCommands,
    { now: () => NOW },
    new ReferralExpiryMetrics(new ServiceMetrics('leads')),
    { pollMs },
  );
}

describe(ReferralExpiryPoller.name, () => {
  beforeAll(() => {
    // The warnings are the behaviour under test, not noise for the run's output.
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  it('survives a database blip: the failed tick is logged, and a later tick expires the referral', async () => {
    const deadlines = new DeadlinesStandIn(2);
    const expired: string[] = [];
    const poller = pollerWith(deadlines, expired);

    await expect(poller.tick()).resolves.toBe(0);
    expect(Logger.prototype.warn).toHaveBeenCalledWith(expect.stringContaining('ECONNREFUSED'));

    poller.onApplicationBootstrap();
    try {
      await expectEventually(() => expect(expired).toEqual([`ExpireReferral ${DUE.leadId}`]));
      expect(deadlines.claims).toBeGreaterThanOrEqual(3);
    } finally {
      await poller.beforeApplicationShutdown();
    }
  });

  it('on shutdown waits for the tick in flight and starts no other', async () => {
    const deadlines = new DeadlinesStandIn();
    deadlines.hold = true;
    const expired: string[] = [];
    const poller = pollerWith(deadlines, expired);
    poller.onApplicationBootstrap();
    await expectEventually(() => expect(deadlines.release).toBeDefined());

    let stopped = false;
    const stopping = poller.beforeApplicationShutdown().then(() => (stopped = true));
    await new Promise((later) => setTimeout(later, 50));
    expect(stopped).toBe(false);
    deadlines.release!();
    await stopping;
    expect(expired).toEqual([`ExpireReferral ${DUE.leadId}`]);

    const claims = deadlines.claims;
    await new Promise((later) => setTimeout(later, 100));
    expect(deadlines.claims).toBe(claims);
  });
});
