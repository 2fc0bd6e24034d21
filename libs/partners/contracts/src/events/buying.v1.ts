import { IntegrationEventOf, NestedObject } from '@leadrail/integration-events';
import { ArrayMaxSize, IsArray, IsInt, Max, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsPartnerId } from '../rules/is-partner-id';
import { LeadTypeBought } from '../values/lead-type-bought';
import { EXAMPLE_PARTNER_ID, definePartnerEventV1, partnerExample } from './partner-event';

// What the partner buys and how it ranks among partners. Not in PartnerRegistered
// (its v1 settings predate them): a partner buys nothing until LeadTypesBoughtChanged,
// and its selection priority is 50 until SelectionPriorityChanged.

/** The data of `LeadTypesBoughtChanged` v1. */
export class LeadTypesBoughtChangedV1Data {
  @IsPartnerId()
  partnerId!: string;

  @JSONSchema({
    description:
      'Every lead type the partner now buys, whole (at most 200, each named once); empty: it buys nothing.',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @NestedObject(() => LeadTypeBought, { each: true })
  leadTypes!: readonly LeadTypeBought[];
}

/** `LeadTypesBoughtChanged` v1. */
export const leadTypesBoughtChangedV1 = definePartnerEventV1({
  type: 'LeadTypesBoughtChanged',
  data: LeadTypesBoughtChangedV1Data,
  description:
    "The lead types the partner buys changed; carries the whole new list, each lead type optionally narrowed by UK postcode areas or districts and by criteria on the lead's answers, with an optional Lead Value of its own and an optional weight (1 when absent) for lead types routed by weight. A partner that never had this event buys nothing.",
  examples: [
    partnerExample(
      'LeadTypesBoughtChanged',
      {
        name: 'mortgages-in-london-and-home-insurance',
        summary:
          'The broker buys mortgage leads for properties of at least GBP 250,000 in SW and EC1A at GBP 45.00 with weight 3, and home insurance leads anywhere at its default Lead Value (weight 1).',
        eventId: 'a3f1c2d4-5b6e-4f70-8192-a3b4c5d6e7f8',
        occurredAt: '2026-11-27T10:00:00.000Z',
      },
      {
        partnerId: EXAMPLE_PARTNER_ID,
        leadTypes: [
          {
            leadType: 'mortgage',
            postcodes: ['SW', 'EC1A'],
            criteria: [
              { field: 'property_value', operator: 'gte', value: 250000 },
              { field: 'employment', operator: 'in', value: ['employed', 'self_employed'] },
              { field: 'first_time_buyer', operator: 'eq', value: true },
            ],
            leadValue: { amount: 4500, currency: 'GBP' },
            weight: 3,
          },
          { leadType: 'home-insurance', postcodes: [], criteria: [], leadValue: null },
        ],
      },
    ),
    partnerExample(
      'LeadTypesBoughtChanged',
      {
        name: 'buys-nothing',
        summary: 'The broker stops buying leads of any type.',
        eventId: 'b4e2d3c5-6a7f-4081-92a3-b4c5d6e7f809',
        occurredAt: '2026-11-27T10:05:00.000Z',
      },
      { partnerId: EXAMPLE_PARTNER_ID, leadTypes: [] },
    ),
  ],
});

/** The data of `SelectionPriorityChanged` v1. */
export class SelectionPriorityChangedV1Data {
  @IsPartnerId()
  partnerId!: string;

  @JSONSchema({
    description:
      'The new selection priority, 0 to 100: routing offers a lead to eligible partners of a higher priority first. 50 until first changed.',
  })
  @IsInt()
  @Min(0)
  @Max(100)
  selectionPriority!: number;
}

/** `SelectionPriorityChanged` v1. */
export const selectionPriorityChangedV1 = definePartnerEventV1({
  type: 'SelectionPriorityChanged',
  data: SelectionPriorityChangedV1Data,
  description:
    "The partner's selection priority changed (0-100, higher first; a partner that never had this event has 50).",
  examples: [
    partnerExample(
      'SelectionPriorityChanged',
      {
        name: 'preferred-partner',
        summary: 'The broker is offered leads before partners of the default priority.',
        eventId: 'c5f3e4d6-7b80-4192-a3b4-c5d6e7f8091a',
        occurredAt: '2026-11-27T10:10:00.000Z',
      },
      { partnerId: EXAMPLE_PARTNER_ID, selectionPriority: 80 },
    ),
  ],
});

/** A parsed `LeadTypesBoughtChanged` v1 event. */
export type LeadTypesBoughtChangedV1 = IntegrationEventOf<typeof leadTypesBoughtChangedV1>;
/** A parsed `SelectionPriorityChanged` v1 event. */
export type SelectionPriorityChangedV1 = IntegrationEventOf<typeof selectionPriorityChangedV1>;
