import {
  IntegrationEventOf,
  IsSlug,
  IsText,
  IsUtcTimestamp,
  Optional,
  defineIntegrationEvent,
} from '@leadrail/integration-events';
import { Topics } from '@leadrail/topics';
import { IsBoolean, IsIn } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { LEADS_SOURCE } from '../lead-events/lead-event';

// The lead-type catalogue operators keep in the leads service (stream
// leadSettings-current), published so other services can refer to lead types:
// partners refuses to buy one it has not heard of, routing matches on them.

/** The Kafka key of a lead type's events: `lead-type:<slug>`, so one type's events stay in order. */
export function leadTypeKey(slug: string): string {
  return `lead-type:${slug}`;
}

const key = {
  description:
    "lead-type:<data.slug>, e.g. lead-type:mortgage: one lead type's events go to one partition, in order (never a lead's id, so they never share a lead's key).",
  of: (data: { slug: string }) => leadTypeKey(data.slug),
};

/**
 * How routing chooses among eligible partners of equal selection priority for
 * a lead type: `round-robin` takes them in turn, `weighted` draws them with
 * chances proportional to the weight each partner buys the type with.
 */
export const LEAD_TYPE_ROUTING_METHODS = ['round-robin', 'weighted'] as const;

/** One of {@link LEAD_TYPE_ROUTING_METHODS}. */
export type LeadTypeRoutingMethod = (typeof LEAD_TYPE_ROUTING_METHODS)[number];

/** A lead type's routing method until an operator chooses another, and what an event without one means. */
export const DEFAULT_LEAD_TYPE_ROUTING_METHOD: LeadTypeRoutingMethod = 'round-robin';

const ROUTING_METHOD_DESCRIPTION =
  "How routing chooses among eligible partners of equal selection priority: round-robin (in turn) or weighted (one drawn per lead, with chances in proportion to each partner's weight for the type in LeadTypesBoughtChanged). Absent in events recorded before the setting existed: round-robin.";

const SLUG_DESCRIPTION =
  "The lead type's slug, lower case (at most 50 characters), e.g. mortgage: what leads name in leadType and partners buy.";

/** The data of `LeadTypeDefined` v1. */
export class LeadTypeDefinedV1Data {
  @JSONSchema({ description: SLUG_DESCRIPTION })
  @IsSlug()
  slug!: string;

  @JSONSchema({ description: "The lead type's name as operators see it (1-100 characters)." })
  @IsText(100)
  name!: string;

  @JSONSchema({ description: ROUTING_METHOD_DESCRIPTION })
  @Optional()
  @IsIn(LEAD_TYPE_ROUTING_METHODS)
  routingMethod?: LeadTypeRoutingMethod;

  @JSONSchema({ description: 'When it was defined: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  definedAt!: string;
}

/** `LeadTypeDefined` v1. */
export const leadTypeDefinedV1 = defineIntegrationEvent({
  type: 'LeadTypeDefined',
  version: 1,
  topic: Topics.leads,
  data: LeadTypeDefinedV1Data,
  key,
  description:
    'An operator defined a lead type: intake accepts leads of it from now on, and it is active, routed by its routing method. Slugs are never reused.',
  examples: [
    {
      name: 'mortgage-defined',
      summary: 'The operator starts taking mortgage leads.',
      payload: {
        eventId: 'e1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b',
        type: 'LeadTypeDefined',
        version: 1,
        occurredAt: '2026-11-20T09:00:00.000Z',
        correlationId: 'e1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b',
        causationId: 'e1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b',
        source: LEADS_SOURCE,
        data: {
          slug: 'mortgage',
          name: 'Mortgage',
          routingMethod: 'round-robin',
          definedAt: '2026-11-20T09:00:00.000Z',
        },
      },
    },
    {
      name: 'equity-release-defined-weighted',
      summary:
        "The operator starts taking equity release leads, shared among equal partners by each one's weight.",
      payload: {
        eventId: 'a7c8d9e0-f1a2-4b3c-8d4e-5f6a7b8c9d0e',
        type: 'LeadTypeDefined',
        version: 1,
        occurredAt: '2026-11-21T09:00:00.000Z',
        correlationId: 'a7c8d9e0-f1a2-4b3c-8d4e-5f6a7b8c9d0e',
        causationId: 'a7c8d9e0-f1a2-4b3c-8d4e-5f6a7b8c9d0e',
        source: LEADS_SOURCE,
        data: {
          slug: 'equity-release',
          name: 'Equity release',
          routingMethod: 'weighted',
          definedAt: '2026-11-21T09:00:00.000Z',
        },
      },
    },
  ],
});

/** The data of `LeadTypeChanged` v1. */
export class LeadTypeChangedV1Data {
  @JSONSchema({ description: SLUG_DESCRIPTION })
  @IsSlug()
  slug!: string;

  @JSONSchema({ description: "The lead type's name now (1-100 characters)." })
  @IsText(100)
  name!: string;

  @JSONSchema({
    description:
      'Whether intake accepts leads of it now; an inactive type stays defined (old leads name it) but takes no new leads and cannot be newly bought.',
  })
  @IsBoolean()
  active!: boolean;

  @JSONSchema({ description: ROUTING_METHOD_DESCRIPTION })
  @Optional()
  @IsIn(LEAD_TYPE_ROUTING_METHODS)
  routingMethod?: LeadTypeRoutingMethod;

  @JSONSchema({ description: 'When it changed: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  changedAt!: string;
}

/** `LeadTypeChanged` v1. */
export const leadTypeChangedV1 = defineIntegrationEvent({
  type: 'LeadTypeChanged',
  version: 1,
  topic: Topics.leads,
  data: LeadTypeChangedV1Data,
  key,
  description:
    "An operator renamed a lead type, deactivated or reactivated it, or changed its routing method. Carries the type's whole state (name, active, routing method), so the latest event says all.",
  examples: [
    {
      name: 'mortgage-deactivated',
      summary: 'The operator stops taking mortgage leads for now.',
      payload: {
        eventId: 'f2b3c4d5-e6f7-4081-9a0b-1c2d3e4f5a6b',
        type: 'LeadTypeChanged',
        version: 1,
        occurredAt: '2026-12-01T17:00:00.000Z',
        correlationId: 'f2b3c4d5-e6f7-4081-9a0b-1c2d3e4f5a6b',
        causationId: 'f2b3c4d5-e6f7-4081-9a0b-1c2d3e4f5a6b',
        source: LEADS_SOURCE,
        data: {
          slug: 'mortgage',
          name: 'Mortgage',
          active: false,
          routingMethod: 'round-robin',
          changedAt: '2026-12-01T17:00:00.000Z',
        },
      },
    },
  ],
});

/** A parsed `LeadTypeDefined` v1 event. */
export type LeadTypeDefinedV1 = IntegrationEventOf<typeof leadTypeDefinedV1>;
/** A parsed `LeadTypeChanged` v1 event. */
export type LeadTypeChangedV1 = IntegrationEventOf<typeof leadTypeChangedV1>;
