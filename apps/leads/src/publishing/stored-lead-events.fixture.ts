import type { StoredLeadEvent } from './stored-lead-event';

/** The lead the fixtures are about (lower case, as the domain records ids). */
export const FIXTURE_LEAD_ID = '3f6c1b9a-7d42-4e8f-b1a3-5c9d2e7f4a10';
const partnerId = '5d5b3ca9-467b-42e6-83f3-f0d8a37de243';
const partner = { type: 'partner', id: partnerId } as const;
const operator = { type: 'operator', id: 'operator-anna' } as const;
const leadId = FIXTURE_LEAD_ID;

/**
 * One stored event of every type, as the log holds them. Keyed by type, so a
 * new stored type fails to compile here until the relay's tests cover it.
 */
export const storedLeadEvents: {
  [T in StoredLeadEvent['type']]: Extract<StoredLeadEvent, { type: T }>;
} = {
  LeadReceived: {
    type: 'LeadReceived',
    data: {
      leadId,
      details: {
        introducerId: 'c2a7e4d1-9b3f-4a6c-8e5d-1f0b7a9c3e62',
        leadType: 'mortgage',
        answers: { property_value: 350000, first_time_buyer: true },
        consent: {
          contactByPhone: true,
          contactByEmail: false,
          capturedAt: '2026-11-25T08:59:38.000Z',
        },
        receivedAt: '2026-11-25T08:59:41.220Z',
      },
      personal: {
        v: 1,
        alg: 'A256GCM',
        keyId: leadId,
        iv: 'Y3_V6XO9anGexq7s',
        tag: 'ZEJfdSv5CQhxXCDFPQIkyg',
        ciphertext: 'cTussmJdKOHfo1c7AG4DVrfLsceRgWLJ',
      },
      area: { country: 'GB', city: 'Manchester', postcodeDistrict: 'M14' },
      source: { channel: 'http' },
      recordedAt: '2026-11-25T09:00:00.412Z',
    },
  },
  LeadRejected: {
    type: 'LeadRejected',
    data: {
      leadId,
      rejection: {
        code: 'DUPLICATE_LEAD',
        reasons: [{ field: '', message: 'repeats an earlier lead' }],
        duplicateOf: {
          originalLeadId: 'b7e2c4d8-1a5f-4c3e-9d6b-0f8a2e4c6b19',
          ruleId: 'same-email-90-days',
          matchedOn: ['email', 'phone'],
        },
      },
      rejectedAt: '2026-11-25T09:00:01.000Z',
    },
  },
  LeadLinkedAsDuplicate: {
    type: 'LeadLinkedAsDuplicate',
    data: {
      leadId,
      duplicateOf: {
        originalLeadId: 'b7e2c4d8-1a5f-4c3e-9d6b-0f8a2e4c6b19',
        ruleId: 'same-person-all-time',
        matchedOn: ['name-postcode'],
      },
    },
  },
  LeadAllocated: {
    type: 'LeadAllocated',
    data: { leadId, partnerId, allocatedAt: '2026-11-25T09:00:02.000Z' },
  },
  LeadReferred: {
    type: 'LeadReferred',
    data: {
      leadId,
      partnerId,
      referredAt: '2026-11-25T09:00:02.000Z',
      expiresAt: '2026-11-25T10:00:02.000Z',
    },
  },
  ReferralAccepted: {
    type: 'ReferralAccepted',
    data: { leadId, partnerId, acceptedAt: '2026-11-25T09:12:40.000Z', acceptedBy: partner },
  },
  ReferralDeclined: {
    type: 'ReferralDeclined',
    data: {
      leadId,
      partnerId,
      declinedAt: '2026-11-25T09:05:00.000Z',
      declinedBy: operator,
      reason: null,
    },
  },
  ReferralExpired: {
    type: 'ReferralExpired',
    data: { leadId, partnerId, expiredAt: '2026-11-25T10:00:02.000Z' },
  },
  LeadDelivered: {
    type: 'LeadDelivered',
    data: { leadId, partnerId, deliveredAt: '2026-11-25T09:12:43.500Z', partnerReference: null },
  },
  LeadDeliveryFailed: {
    type: 'LeadDeliveryFailed',
    data: { leadId, partnerId, failedAt: '2026-11-25T09:42:43.000Z', reason: 'HTTP 503' },
  },
  LeadStatusChanged: {
    type: 'LeadStatusChanged',
    data: {
      leadId,
      partnerId,
      status: 'converted',
      previousStatus: 'contacted',
      billingPointsReached: ['accepted', 'qualified', 'converted'],
      changedBy: { type: 'system', id: 'leads.status-import' },
      changedAt: '2026-11-26T11:20:00.000Z',
    },
  },
  ReturnRequested: {
    type: 'ReturnRequested',
    data: {
      leadId,
      partnerId,
      reason: 'Number not in service.',
      requestedAt: '2026-11-27T10:00:00.000Z',
      windowEndsAt: '2026-12-02T09:12:43.500Z',
    },
  },
  ReturnAccepted: {
    type: 'ReturnAccepted',
    data: { leadId, partnerId, acceptedAt: '2026-11-27T15:30:00.000Z', acceptedBy: operator },
  },
  ReturnDeclined: {
    type: 'ReturnDeclined',
    data: {
      leadId,
      partnerId,
      reason: 'We reached the applicant.',
      declinedAt: '2026-11-27T15:30:00.000Z',
      declinedBy: operator,
    },
  },
  LeadPersonalDataErased: {
    type: 'LeadPersonalDataErased',
    data: { leadId, erasedAt: '2027-01-08T11:00:00.000Z', erasedBy: operator },
  },
};
