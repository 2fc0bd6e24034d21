import { randomUUID } from 'node:crypto';
import { mortgageLeadRecorded } from '@leadrail/leads-contracts';
import { brokerRegisteredWithFullSettings } from '@leadrail/partners-contracts';
import type { ServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually, plainKafka } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { type Producer, Partitioners } from 'kafkajs';
import { Client } from 'pg';

const ALL_DAY = { enabled: true, from: '00:00', to: '00:00' };

/** How a test partner is set up, as the partners service would announce it. */
export interface TestPartner {
  leadType: string;
  priority?: number;
  dailyLimit?: number;
  paused?: boolean;
}

/** What the why endpoint answers. */
export interface HistoryAnswer {
  leadId: string;
  tried: string[];
  holding: string[];
  history: { type: string; data: Record<string, unknown> & { partnerId?: string } }[];
}

/**
 * The routing service's integration tests: partners and leads published on
 * the real topics exactly as the partners and leads relays publish them, and
 * the why and counts endpoints read back.
 */
export class RoutingTestKit {
  private constructor(
    readonly service: ServiceUnderTest,
    private readonly db: Client,
    private readonly producer: Producer,
  ) {}

  static async for(service: ServiceUnderTest): Promise<RoutingTestKit> {
    const db = new Client({ connectionString: service.database.url });
    await db.connect();
    const producer = plainKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    return new RoutingTestKit(service, db, producer);
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
    await this.db.end();
  }

  /** A post-pay partner, always open, buying the lead type; waits until routing knows it. */
  async partner(options: TestPartner): Promise<string> {
    const partnerId = randomUUID();
    const example = brokerRegisteredWithFullSettings.payload;
    const settings = example.data.settings;
    const send = (type: string, data: object) => this.publishPartnerEvent(partnerId, type, data);
    await send('PartnerRegistered', {
      ...example.data,
      partnerId,
      settings: {
        ...settings,
        payment: { mode: 'post-pay', creditLimit: { amount: 10_000_000, currency: 'GBP' } },
        billingPoint: 'delivery',
        limits: { daily: options.dailyLimit ?? 0, monthly: 0 },
        schedule: {
          timeZone: 'Europe/London',
          days: {
            mon: ALL_DAY,
            tue: ALL_DAY,
            wed: ALL_DAY,
            thu: ALL_DAY,
            fri: ALL_DAY,
            sat: ALL_DAY,
            sun: ALL_DAY,
          },
        },
      },
    });
    await send('LeadTypesBoughtChanged', {
      partnerId,
      leadTypes: [{ leadType: options.leadType, postcodes: [], criteria: [], leadValue: null }],
    });
    await send('SelectionPriorityChanged', {
      partnerId,
      selectionPriority: options.priority ?? 50,
    });
    if (options.paused === true) {
      await send('DeliveriesPaused', {
        partnerId,
        pause: { by: { type: 'operator', id: 'tests' }, at: new Date().toISOString() },
      });
    }
    // Every event applied: the priority alone may still be the default of 50 before its event.
    await expectEventually(async () => {
      const { rows } = await this.db.query<{ priority: number; paused: boolean; buys: boolean }>(
        `SELECT (record->>'selectionPriority')::int AS priority, (record->>'paused')::boolean AS paused,
                $2 = ANY(lead_types) AS buys
           FROM routing.routing_partners WHERE partner_id = $1`,
        [partnerId, options.leadType],
      );
      expect(rows).toEqual([
        { priority: options.priority ?? 50, paused: options.paused ?? false, buys: true },
      ]);
    });
    return partnerId;
  }

  /** Leads recorded by the leads service (as its relay publishes `LeadRecorded`); returns their ids. */
  async recordLeads(leadType: string, count = 1): Promise<string[]> {
    const example = mortgageLeadRecorded.payload;
    const leads = Array.from({ length: count }, () => {
      const leadId = randomUUID();
      const eventId = randomUUID();
      const event = {
        ...example,
        eventId,
        correlationId: eventId,
        causationId: eventId,
        occurredAt: new Date().toISOString(),
        data: { ...example.data, leadId, leadType, recordedAt: new Date().toISOString() },
      };
      return { leadId, message: { key: leadId, value: JSON.stringify(event) } };
    });
    await this.producer.send({
      topic: Topics.leads,
      acks: -1,
      messages: leads.map((lead) => lead.message),
    });
    return leads.map((lead) => lead.leadId);
  }

  /** A lead event of the leads service (a decline, an expiry), as its relay publishes it. */
  async publishLeadEvent(leadId: string, type: string, data: object): Promise<void> {
    const eventId = randomUUID();
    const event = {
      eventId,
      type,
      version: 1,
      occurredAt: new Date().toISOString(),
      correlationId: eventId,
      causationId: eventId,
      source: 'leadrail.leads',
      data: { leadId, ...data },
    };
    await this.producer.send({
      topic: Topics.leads,
      acks: -1,
      messages: [{ key: leadId, value: JSON.stringify(event) }],
    });
  }

  /** An operator call with the test administrator's token; the body parsed. */
  async get<Body>(path: string): Promise<{ status: number; body: Body }> {
    const response = await fetch(`${this.service.url}${path}`, {
      headers: { authorization: `Bearer ${this.service.tokens.admin}` },
    });
    return { status: response.status, body: (await response.json()) as Body };
  }

  /** Waits until the lead's routing history has `types`, and returns it. */
  async historyOf(leadId: string, types: string[], timeoutMs = 20_000): Promise<HistoryAnswer> {
    return expectEventually(
      async () => {
        const { status, body } = await this.get<HistoryAnswer>(`/routing/leads/${leadId}`);
        expect(status).toBe(200);
        expect(body.history.map((entry) => entry.type)).toEqual(types);
        return body;
      },
      { timeoutMs },
    );
  }

  private async publishPartnerEvent(partnerId: string, type: string, data: object): Promise<void> {
    const eventId = randomUUID();
    const event = {
      eventId,
      type,
      version: 1,
      occurredAt: new Date().toISOString(),
      correlationId: eventId,
      causationId: eventId,
      source: 'leadrail.partners',
      data,
    };
    await this.producer.send({
      topic: Topics.partners,
      acks: -1,
      messages: [{ key: partnerId, value: JSON.stringify(event) }],
    });
  }
}
