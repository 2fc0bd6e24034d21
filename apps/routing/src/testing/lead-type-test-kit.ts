import { randomUUID } from 'node:crypto';
import { type IntegrationEventRegistry, parseIntegrationEvent } from '@leadrail/integration-events';
import { LEADS_SOURCE, leadTypeKey, leadsRegistry } from '@leadrail/leads-contracts';
import { partnersRegistry } from '@leadrail/partners-contracts';
import type { ServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually, plainKafka } from '@leadrail/testing';

/** A loaded CI machine can take a while to get an event through Kafka to a handler. */
const EVENTUALLY = { timeoutMs: 60_000 };
import { Topics } from '@leadrail/topics';
import { type Producer, Partitioners } from 'kafkajs';
import { Client } from 'pg';

/** A routing method as the leads contract names it. */
export type TestRoutingMethod = 'round-robin' | 'weighted';

/**
 * The lead-type catalogue as the leads service publishes it (`LeadTypeDefined`,
 * `LeadTypeChanged` on `leadrail.leads.v1`, keyed `lead-type:<slug>`) and
 * partners' weights as the partners service publishes them
 * (`LeadTypesBoughtChanged`), each checked against its contract and waited
 * for until routing has applied it. Next to RoutingTestKit, for the partners
 * and leads themselves.
 */
export class LeadTypeTestKit {
  private constructor(
    private readonly db: Client,
    private readonly producer: Producer,
  ) {}

  static async for(service: ServiceUnderTest): Promise<LeadTypeTestKit> {
    const db = new Client({ connectionString: service.database.url });
    await db.connect();
    const producer = plainKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    return new LeadTypeTestKit(db, producer);
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
    await this.db.end();
  }

  /** An operator defines the lead type with `routingMethod`; waits until routing has it. */
  async define(slug: string, routingMethod: TestRoutingMethod): Promise<void> {
    await this.publishLeadTypeEvent('LeadTypeDefined', {
      slug,
      name: slug,
      routingMethod,
      definedAt: new Date().toISOString(),
    });
    await this.routedBy(slug, routingMethod);
  }

  /** An operator changes the lead type's routing method; waits until routing has it. */
  async change(slug: string, routingMethod: TestRoutingMethod): Promise<void> {
    await this.publishLeadTypeEvent('LeadTypeChanged', {
      slug,
      name: slug,
      active: true,
      routingMethod,
      changedAt: new Date().toISOString(),
    });
    await this.routedBy(slug, routingMethod);
  }

  /** The partner now buys only `leadType`, with `weight`; waits until routing has it. */
  async weigh(partnerId: string, leadType: string, weight: number): Promise<void> {
    const event = envelope('LeadTypesBoughtChanged', 'leadrail.partners', {
      partnerId,
      leadTypes: [{ leadType, postcodes: [], criteria: [], leadValue: null, weight }],
    });
    assertContract(event, partnersRegistry);
    await this.producer.send({
      topic: Topics.partners,
      acks: -1,
      messages: [{ key: partnerId, value: JSON.stringify(event) }],
    });
    await expectEventually(async () => {
      const { rows } = await this.db.query<{ weight: number | null }>(
        `SELECT (record->'leadTypes'->0->>'weight')::int AS weight
           FROM routing.routing_partners WHERE partner_id = $1`,
        [partnerId],
      );
      expect(rows).toEqual([{ weight }]);
    }, EVENTUALLY);
  }

  private async publishLeadTypeEvent(
    type: string,
    data: { slug: string } & Record<string, unknown>,
  ): Promise<void> {
    const event = envelope(type, LEADS_SOURCE, data);
    assertContract(event, leadsRegistry);
    await this.producer.send({
      topic: Topics.leads,
      acks: -1,
      messages: [
        {
          key: leadTypeKey(data.slug),
          value: JSON.stringify(event),
          headers: { 'leadrail-event-type': type, 'leadrail-event-id': event.eventId },
        },
      ],
    });
  }

  private async routedBy(slug: string, routingMethod: TestRoutingMethod): Promise<void> {
    await expectEventually(async () => {
      const { rows } = await this.db.query<{ routing_method: string }>(
        'SELECT routing_method FROM routing.routing_lead_types WHERE lead_type = $1',
        [slug],
      );
      expect(rows).toEqual([{ routing_method: routingMethod }]);
    }, EVENTUALLY);
  }
}

function envelope(type: string, source: string, data: object) {
  const eventId = randomUUID();
  return {
    eventId,
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    correlationId: eventId,
    causationId: eventId,
    source,
    data,
  };
}

function assertContract(event: object, registry: IntegrationEventRegistry): void {
  const parsed = parseIntegrationEvent(JSON.stringify(event), registry);
  if (!parsed.ok) {
    throw new Error(`the test's event breaks its contract: ${parsed.message}`);
  }
}
