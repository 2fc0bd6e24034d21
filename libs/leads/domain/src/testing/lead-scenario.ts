import { mortgageLeadFromCrm } from '@leadrail/leads-contracts';
import type { LeadCommand } from '../commands/lead-commands';
import type { LeadEvent } from '../events/lead-events';
import type { LeadStatusCatalogue } from '../model/billing-points';
import type { LeadCommandMetadata } from '../model/command-metadata';
import type { LeadSubmission } from '../model/lead-details';
import { toLeadDetails } from '../validation/lead-details';

// Builders for decider tests written as given events / when command / then events.
// The casts below: TypeScript cannot relate a generic Omit back to its union member.

/** The contract's own example lead: what intake will really receive. */
export const SUBMISSION: LeadSubmission = mortgageLeadFromCrm.payload.data;
export const LEAD_ID = SUBMISSION.leadId;
export const INTRODUCER_ID = SUBMISSION.introducerId;
export const PARTNER_ID = 'acme-mortgages';
export const OTHER_PARTNER_ID = 'rival-mortgages';
export const ORIGINAL_LEAD_ID = '0b9e7c1d-2f3a-4b5c-8d6e-7f8091a2b3c4';
export const RECORDED_AT = '2026-11-25T09:00:00.000Z';
export const OCCURRED_AT = '2026-11-25T10:00:00.000Z';
export const EXPIRES_AT = '2026-11-25T12:00:00.000Z';

/** Metadata of a system process's command at {@link OCCURRED_AT}. */
export function bySystem(overrides: Partial<LeadCommandMetadata> = {}): LeadCommandMetadata {
  return { actor: { type: 'system', id: 'routing' }, occurredAt: OCCURRED_AT, ...overrides };
}

/** Metadata of an operator's command. */
export function byOperator(occurredAt = OCCURRED_AT): LeadCommandMetadata {
  return { actor: { type: 'operator', id: 'operator-1' }, occurredAt };
}

/** Metadata of a partner's command from its portal. */
export function byPartner(partnerId = PARTNER_ID, occurredAt = OCCURRED_AT): LeadCommandMetadata {
  return { actor: { type: 'partner', id: partnerId }, occurredAt };
}

type CommandOfType<T extends LeadCommand['type']> = Extract<LeadCommand, { type: T }>;

/** A command to {@link LEAD_ID}. */
export function command<T extends LeadCommand['type']>(
  type: T,
  data: Omit<CommandOfType<T>['data'], 'leadId'>,
  metadata: LeadCommandMetadata = bySystem(),
): CommandOfType<T> {
  return { type, data: { leadId: LEAD_ID, ...data }, metadata } as unknown as CommandOfType<T>;
}

type EventOfType<T extends LeadEvent['type']> = Extract<LeadEvent, { type: T }>;

/** An event of {@link LEAD_ID}. */
export function event<T extends LeadEvent['type']>(
  type: T,
  data: Omit<EventOfType<T>['data'], 'leadId'>,
): EventOfType<T> {
  return { type, data: { leadId: LEAD_ID, ...data } } as unknown as EventOfType<T>;
}

/** The example lead, received from its CRM over Kafka. */
export function received(): LeadEvent {
  return event('LeadReceived', {
    details: toLeadDetails(SUBMISSION),
    source: { channel: 'internal', publisher: 'acme.crm' },
    recordedAt: RECORDED_AT,
  });
}

/** The lead allocated to `partnerId` by routing. */
export function allocated(partnerId = PARTNER_ID): LeadEvent {
  return event('LeadAllocated', { partnerId, allocatedAt: RECORDED_AT });
}

/** The lead offered to `partnerId` until {@link EXPIRES_AT}. */
export function referred(partnerId = PARTNER_ID): LeadEvent {
  return event('LeadReferred', { partnerId, referredAt: RECORDED_AT, expiresAt: EXPIRES_AT });
}

/** The lead delivered to `partnerId` at {@link RECORDED_AT}. */
export function delivered(
  partnerId = PARTNER_ID,
  partnerReference: string | null = 'CRM-1',
): LeadEvent {
  return event('LeadDelivered', { partnerId, deliveredAt: RECORDED_AT, partnerReference });
}

/** Received, allocated and delivered to {@link PARTNER_ID}. */
export function deliveredLead(): LeadEvent[] {
  return [received(), allocated(), delivered()];
}

/** A catalogue with every billing point and two statuses that are none. */
export const CATALOGUE: LeadStatusCatalogue = {
  statuses: [
    { status: 'contacted', billingPoint: null },
    { status: 'accepted', billingPoint: 'accepted' },
    { status: 'qualified', billingPoint: 'qualified' },
    { status: 'converted', billingPoint: 'converted' },
    { status: 'lost', billingPoint: null },
  ],
};
