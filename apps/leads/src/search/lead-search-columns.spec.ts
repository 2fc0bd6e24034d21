import { type LeadState, initialLeadState } from '@leadrail/leads-domain';
import { leadStateColumns } from './lead-search-columns';

const base = {
  id: 'lead-1',
  details: {
    introducerId: 'intro-1',
    leadType: 'mortgage',
    externalReference: 'crm-1',
    contact: { firstName: '', lastName: '' },
    consent: { marketing: true },
    receivedAt: '2026-03-01T09:00:00.000Z',
  },
  source: { channel: 'http' },
  recordedAt: '2026-03-01T09:00:01.000Z',
  duplicateOf: null,
  referrals: [],
  deliveryFailures: [],
  billingProgress: null,
} as unknown as Extract<LeadState, { stage: 'received' }>;

describe(leadStateColumns.name, () => {
  it('names the partner of an allocated or delivered lead, and keeps a pending referral apart', () => {
    const referral = {
      partnerId: 'p-1',
      referredAt: 'a',
      expiresAt: 'b',
      outcome: 'pending' as const,
    };
    expect(leadStateColumns({ ...base, stage: 'referred', referral })).toMatchObject({
      stage: 'referred',
      partner_id: null,
      referred_partner_id: 'p-1',
    });
    const allocation = {
      partnerId: 'p-2',
      allocatedAt: '2026-03-01T10:00:00.000Z',
      via: 'routing' as const,
    };
    const delivered: LeadState = {
      ...base,
      stage: 'delivered',
      allocation,
      delivery: { deliveredAt: '2026-03-01T10:05:00.000Z', partnerReference: null },
      status: 'accepted',
      returnRequest: null,
    };
    expect(leadStateColumns(delivered)).toMatchObject({
      partner_id: 'p-2',
      referred_partner_id: null,
      status: 'accepted',
      delivered_at: '2026-03-01T10:05:00.000Z',
      introducer_id: 'intro-1',
      lead_type: 'mortgage',
      external_reference: 'crm-1',
    });
  });

  it('records a rejection and the original a duplicate repeats', () => {
    const rejected: LeadState = {
      stage: 'rejected',
      id: 'lead-1',
      rejection: {
        code: 'DUPLICATE_LEAD',
        reasons: [],
        duplicateOf: { originalLeadId: 'lead-0', ruleId: 'r', matchedOn: ['email'] },
      },
      details: null,
    };
    expect(leadStateColumns(rejected)).toMatchObject({
      stage: 'rejected',
      rejection_code: 'DUPLICATE_LEAD',
      duplicate_of: 'lead-0',
      introducer_id: null,
    });
    expect(leadStateColumns(initialLeadState()).stage).toBe('new');
  });
});
