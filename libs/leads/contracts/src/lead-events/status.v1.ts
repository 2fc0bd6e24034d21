import {
  IntegrationEventOf,
  IsSlug,
  IsUtcTimestamp,
  NestedObject,
  Nullable,
} from '@leadrail/integration-events';
import { ArrayUnique, IsArray, IsIn } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsLeadId } from './rules/is-lead-id';
import { IsLeadPartnerId } from './rules/is-partner-ref';
import { LEAD_STATUS_BILLING_POINTS, LeadStatusBillingPoint } from './values/billing-points';
import { LeadActor } from './values/lead-actor';
import { EXAMPLE_IDS, defineLeadEventV1, leadExample } from './lead-event';

/** The data of `LeadStatusChanged` v1. */
export class LeadStatusChangedV1Data {
  @IsLeadId()
  leadId!: string;

  @JSONSchema({ description: 'The partner the lead was delivered to: whose status this is.' })
  @IsLeadPartnerId()
  partnerId!: string;

  @JSONSchema({
    description:
      "The new status, a lower-case slug from the operator's status catalogue, e.g. contacted or qualified.",
  })
  @IsSlug(50)
  status!: string;

  @Nullable('The status before this change, or null for the first status after delivery.')
  @IsSlug(50)
  previousStatus!: string | null;

  @JSONSchema({
    description:
      'The billing points this change reached for the first time, in order (accepted, qualified, converted; skipping ahead reaches those in between). Charge from these, never from the status name: each billing point is reached at most once per lead.',
  })
  @IsArray()
  @ArrayUnique()
  @IsIn(LEAD_STATUS_BILLING_POINTS, { each: true })
  billingPointsReached!: readonly LeadStatusBillingPoint[];

  @JSONSchema({ description: 'Who changed it: the partner, an operator, or the system.' })
  @NestedObject(() => LeadActor)
  changedBy!: LeadActor;

  @JSONSchema({ description: 'When the status changed: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  changedAt!: string;
}

/** `LeadStatusChanged` v1. */
export const leadStatusChangedV1 = defineLeadEventV1({
  type: 'LeadStatusChanged',
  data: LeadStatusChangedV1Data,
  description:
    "A delivered lead's status changed. Statuses that stand for billing points (accepted, qualified, converted) only move forward; others may be set at any time.",
  examples: [
    leadExample(
      'LeadStatusChanged',
      {
        name: 'qualified-by-partner',
        summary:
          'The partner marks the lead qualified straight after delivery, reaching accepted and qualified at once.',
        eventId: '2c8e5a1d-7f3b-4d9e-8a6c-9d1f3b5e7a20',
        occurredAt: '2026-11-26T11:20:00.000Z',
      },
      {
        leadId: EXAMPLE_IDS.lead,
        partnerId: EXAMPLE_IDS.partner,
        status: 'qualified',
        previousStatus: null,
        billingPointsReached: ['accepted', 'qualified'],
        changedBy: { type: 'partner', id: EXAMPLE_IDS.partner },
        changedAt: '2026-11-26T11:20:00.000Z',
      },
    ),
    leadExample(
      'LeadStatusChanged',
      {
        name: 'note-status-by-operator',
        summary: 'An operator sets a status that is no billing point: nothing is reached.',
        eventId: '7a3f9c5e-1d8b-4b2f-9e4a-0c2e4a6c8e15',
        occurredAt: '2026-11-27T16:00:00.000Z',
      },
      {
        leadId: EXAMPLE_IDS.lead,
        partnerId: EXAMPLE_IDS.partner,
        status: 'call-back-requested',
        previousStatus: 'qualified',
        billingPointsReached: [],
        changedBy: { type: 'operator', id: EXAMPLE_IDS.operator },
        changedAt: '2026-11-27T16:00:00.000Z',
      },
    ),
  ],
});

/** A parsed `LeadStatusChanged` v1 event. */
export type LeadStatusChangedV1 = IntegrationEventOf<typeof leadStatusChangedV1>;
