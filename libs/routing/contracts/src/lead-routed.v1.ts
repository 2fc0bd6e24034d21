import {
  IntegrationEventOf,
  IsSlug,
  IsUtcTimestamp,
  Money,
  NestedObject,
} from '@leadrail/integration-events';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsRoutedLeadId } from './rules/is-routed-lead-id';
import { ROUTING_EXAMPLE_IDS, defineRoutingEventV1, routingExample } from './routing-event';
import {
  DecidedFromV1,
  RoutingCandidateV1,
  RoutingStrategyV1,
} from './values/routing-candidate.v1';

/** What every routing decision records: when, how, who was weighed and from what state. */
export class RoutingDecisionV1 {
  @JSONSchema({ description: "The lead's type (slug)." })
  @IsSlug(50)
  leadType!: string;

  @JSONSchema({ description: 'The decision instant: ISO 8601 UTC with Z.' })
  @IsUtcTimestamp()
  decidedAt!: string;

  @JSONSchema({ description: 'How ties among partners of equal priority were settled.' })
  @NestedObject(() => RoutingStrategyV1)
  strategy!: RoutingStrategyV1;

  @JSONSchema({
    description:
      'Partners tried for this lead before (declined, expired, failed) or holding it: not weighed again.',
  })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID(undefined, { each: true })
  alreadyTried!: readonly string[];

  @JSONSchema({ description: 'Every partner weighed, with its eligibility and reasons.' })
  @IsArray()
  @ArrayMaxSize(1000)
  @NestedObject(() => RoutingCandidateV1, { each: true })
  candidates!: readonly RoutingCandidateV1[];

  @JSONSchema({ description: 'Where the state the decision read stood, per partner weighed.' })
  @IsArray()
  @ArrayMaxSize(1000)
  @NestedObject(() => DecidedFromV1, { each: true })
  decidedFrom!: readonly DecidedFromV1[];
}

/** The data of `LeadRouted` v1. */
export class LeadRoutedV1Data {
  @IsRoutedLeadId()
  leadId!: string;

  @JSONSchema({ description: "The chosen partner's id (UUID): its ledger accepted the lead." })
  @IsUUID()
  partnerId!: string;

  @JSONSchema({
    description: 'What the chosen partner pays for the lead (reserved on its ledger).',
  })
  @NestedObject(() => Money)
  leadValue!: Money;

  @JSONSchema({ description: 'The decision: every partner weighed, with its reasons.' })
  @NestedObject(() => RoutingDecisionV1)
  decision!: RoutingDecisionV1;
}

const decided = {
  leadType: 'mortgage',
  decidedAt: '2026-11-25T09:00:01.120Z',
  strategy: { method: 'round-robin' as const, maxPartners: 1 },
  alreadyTried: [],
  decidedFrom: [
    {
      partnerId: ROUTING_EXAMPLE_IDS.partner,
      partnerEventId: 'c5f3e4d6-7b80-4192-a3b4-c5d6e7f8091a',
      ledgerRevision: 41,
    },
    {
      partnerId: ROUTING_EXAMPLE_IDS.otherPartner,
      partnerEventId: 'a3f1c2d4-5b6e-4f70-8192-a3b4c5d6e7f8',
      ledgerRevision: 9,
    },
  ],
};

/** `LeadRouted` v1. */
export const leadRoutedV1 = defineRoutingEventV1({
  type: 'LeadRouted',
  data: LeadRoutedV1Data,
  description:
    "Routing chose a partner for the lead and the partner's allocation ledger counted it against its limits and reserved its Lead Value. Carries every partner weighed with its reasons: the answer to 'why did this lead go to this partner'. The leads service refers or allocates the lead to the partner.",
  examples: [
    routingExample(
      'LeadRouted',
      {
        name: 'routed-past-a-full-partner',
        summary:
          'The preferred partner has had its 10 leads today; the mortgage lead goes to the other partner.',
        eventId: '2c7e9a1b-4d3f-4b6e-8a2c-9e1f3b5d7a04',
        occurredAt: '2026-11-25T09:00:01.120Z',
        causationId: ROUTING_EXAMPLE_IDS.recordedEvent,
      },
      {
        leadId: ROUTING_EXAMPLE_IDS.lead,
        partnerId: ROUTING_EXAMPLE_IDS.otherPartner,
        leadValue: { amount: 2500, currency: 'GBP' },
        decision: {
          ...decided,
          candidates: [
            {
              partnerId: ROUTING_EXAMPLE_IDS.partner,
              priority: 80,
              eligible: false,
              leadValue: null,
              reasons: [
                { code: 'daily-limit-reached', count: 10, limit: 10, localDay: '2026-11-25' },
              ],
            },
            {
              partnerId: ROUTING_EXAMPLE_IDS.otherPartner,
              priority: 50,
              eligible: true,
              leadValue: { amount: 2500, currency: 'GBP' },
              reasons: [],
            },
          ],
        },
      },
    ),
  ],
});

/** A parsed `LeadRouted` v1 event. */
export type LeadRoutedV1 = IntegrationEventOf<typeof leadRoutedV1>;

/** The data of `LeadUnroutable` v1: every candidate is ineligible, with its reasons. */
export class LeadUnroutableV1Data {
  @IsRoutedLeadId()
  leadId!: string;

  @JSONSchema({ description: 'The decision: every partner weighed, with its reasons.' })
  @NestedObject(() => RoutingDecisionV1)
  decision!: RoutingDecisionV1;
}

/** `LeadUnroutable` v1. */
export const leadUnroutableV1 = defineRoutingEventV1({
  type: 'LeadUnroutable',
  data: LeadUnroutableV1Data,
  description:
    'No partner could take the lead now; every partner weighed is listed with its reasons (none when every partner buying the type was tried already). The lead waits for routing.',
  examples: [
    routingExample(
      'LeadUnroutable',
      {
        name: 'everyone-closed-or-full',
        summary: 'One partner is outside its schedule, the other at its daily limit.',
        eventId: '7a3d5f1c-9e2b-4c8a-b6d4-1f3e5a7c9b26',
        occurredAt: '2026-11-25T21:30:00.000Z',
        causationId: ROUTING_EXAMPLE_IDS.recordedEvent,
      },
      {
        leadId: ROUTING_EXAMPLE_IDS.lead,
        decision: {
          ...decided,
          decidedAt: '2026-11-25T21:30:00.000Z',
          candidates: [
            {
              partnerId: ROUTING_EXAMPLE_IDS.partner,
              priority: 80,
              eligible: false,
              leadValue: null,
              reasons: [
                { code: 'outside-schedule', timeZone: 'Europe/London', localTime: 'wed 21:30' },
              ],
            },
            {
              partnerId: ROUTING_EXAMPLE_IDS.otherPartner,
              priority: 50,
              eligible: false,
              leadValue: null,
              reasons: [
                { code: 'daily-limit-reached', count: 25, limit: 25, localDay: '2026-11-25' },
              ],
            },
          ],
        },
      },
    ),
  ],
});

/** A parsed `LeadUnroutable` v1 event. */
export type LeadUnroutableV1 = IntegrationEventOf<typeof leadUnroutableV1>;
