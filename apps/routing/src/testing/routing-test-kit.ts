import { randomUUID } from 'node:crypto';
import type { EventStore } from '@leadrail/event-store';
import { parseIntegrationEvent } from '@leadrail/integration-events';
import { mortgageLeadRecorded } from '@leadrail/leads-contracts';
import { EVENT_STORE } from '@leadrail/nest-kit';
import { brokerRegisteredWithFullSettings, partnersRegistry } from '@leadrail/partners-contracts';
import { partnerAllocationsStream } from '@leadrail/routing-domain';
import type { ServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually, plainKafka } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { type Producer, Partitioners } from 'kafkajs';
import { Client } from 'pg';
import { failNextAppend } from './append-faults';
import type { PublishedEvent } from './lead-events';
import { RoutingTopicReader } from './routing-topic-reader';

const ALL_DAY = { enabled: true, from: '00:00', to: '00:00' };

/** How long the kit waits for the service by default: the machine may be busy. */
export const EVENTUALLY_MS = 60_000;

/** How a test partner is set up, as the partners service would announce it. */
export interface TestPartner {
  leadType: string;
  priority?: number;
  dailyLimit?: number;
  paused?: boolean;
  /** Its Lead Value in pence (GBP); the partners contract example's 3500 unless given. */
  leadValue?: number;
  /** Its post-pay credit limit in pence (GBP); GBP 100,000 unless given. */
  creditLimit?: number;
  /** Pre-pay instead of post-pay: funds unknown (no account) until billing credits it. */
  prePay?: boolean;
}

/** What the why endpoint answers. */
export interface HistoryAnswer {
  leadId: string;
  tried: string[];
  holding: string[];
  history: {
    type: string;
    position: string;
    revision: number;
    occurredAt: string;
    causationId: string;
    data: Record<string, unknown> & { partnerId?: string };
  }[];
}

/** What the counts endpoint answers. */
export interface CountsAnswer {
  partnerId: string;
  day: string;
  month: string;
  daily: { count: number; leadIds: string[] };
  monthly: { count: number; leadIds: string[] };
  limits: { daily: number; monthly: number } | null;
}

/** Partners' local days in the tests: every test partner is in London. */
export function londonDay(at = new Date()): string {
  return at.toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
}

/**
 * The routing service's integration tests: partners and leads published on
 * the real topics exactly as the partners and leads relays publish them, and
 * the why and counts endpoints read back.
 */
export class RoutingTestKit {
  /** `leadrail.routing.v1` read back, started when first asked for. */
  private routingReader: Promise<RoutingTopicReader> | null = null;

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
    if (this.routingReader !== null) {
      await (await this.routingReader).stop();
    }
    await this.producer.disconnect();
    await this.db.end();
  }

  /**
   * A partner billed at delivery (so its Lead Value is reserved when it is
   * allocated), post-pay unless `prePay`, always open, buying the lead type;
   * waits until routing knows it.
   */
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
        partnerType: {
          ...settings.partnerType,
          leadValue: { amount: options.leadValue ?? 3500, currency: 'GBP' },
        },
        payment:
          options.prePay === true
            ? { mode: 'pre-pay' }
            : {
                mode: 'post-pay',
                creditLimit: { amount: options.creditLimit ?? 10_000_000, currency: 'GBP' },
              },
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
      return {
        ...example,
        eventId,
        correlationId: eventId,
        causationId: eventId,
        occurredAt: new Date().toISOString(),
        data: { ...example.data, leadId, leadType, recordedAt: new Date().toISOString() },
      };
    });
    await this.publishLeadEvents(leads);
    return leads.map((lead) => lead.data.leadId);
  }

  /** A lead event of the leads service (a decline, an expiry), as its relay publishes it. */
  async publishLeadEvent(leadId: string, type: string, data: object): Promise<void> {
    const eventId = randomUUID();
    await this.publishLeadEvents([
      {
        eventId,
        type,
        version: 1,
        occurredAt: new Date().toISOString(),
        correlationId: eventId,
        causationId: eventId,
        source: 'leadrail.leads',
        data: { leadId, ...data },
      },
    ]);
  }

  /**
   * Events of the leads service on `leadrail.leads.v1` as its relay writes
   * them: keyed by lead id, with the relay's type and id headers. The same
   * event again is a redelivery (the same event id).
   */
  async publishLeadEvents(events: PublishedEvent[]): Promise<void> {
    await this.producer.send({
      topic: Topics.leads,
      acks: -1,
      messages: events.map((event) => ({
        key: String(event.data['leadId']),
        value: JSON.stringify(event),
        headers: { 'leadrail-event-type': event.type, 'leadrail-event-id': event.eventId },
      })),
    });
  }

  /** Waits until routing's `handler` has consumed the event (its inbox holds the event id). */
  async consumed(eventId: string, handler = 'routing.reroute-lead'): Promise<void> {
    await expectEventually(
      async () => {
        const { rows } = await this.db.query(
          'SELECT 1 FROM routing.processed_events WHERE handler = $1 AND event_id = $2',
          [handler, eventId],
        );
        expect(rows).toHaveLength(1);
      },
      { timeoutMs: EVENTUALLY_MS },
    );
  }

  /**
   * Removes the event from routing's inbox, as a handler whose appends were
   * committed but whose inbox claim was not (its transaction failed after
   * them) leaves it: the event's next delivery runs the handler again.
   */
  async forgetConsumed(eventId: string, handler = 'routing.reroute-lead'): Promise<void> {
    const { rowCount } = await this.db.query(
      'DELETE FROM routing.processed_events WHERE handler = $1 AND event_id = $2',
      [handler, eventId],
    );
    expect(rowCount).toBe(1);
  }

  /** An operator call with the test administrator's token; the body parsed. */
  async get<Body>(path: string): Promise<{ status: number; body: Body }> {
    const response = await fetch(`${this.service.url}${path}`, {
      headers: { authorization: `Bearer ${this.service.tokens.admin}` },
    });
    return { status: response.status, body: (await response.json()) as Body };
  }

  /** A partner's count for a local day (today in London unless given) and its month. */
  async counts(partnerId: string, day = londonDay()): Promise<CountsAnswer> {
    const { status, body } = await this.get<CountsAnswer>(
      `/routing/partners/${partnerId}/counts?day=${day}`,
    );
    expect(status).toBe(200);
    return body;
  }

  /**
   * Makes the next append of a `type` event to `streamName` in the service's
   * log fail, once (see {@link failNextAppend}); returns a check that it did.
   */
  failNextAppend(streamName: string, type: string): Promise<() => Promise<boolean>> {
    return failNextAppend(this.db, this.service.config.eventStore.schema, streamName, type);
  }

  /** The events of a partner's allocation ledger (`partnerAllocations-<id>`), read from the log. */
  async ledgerOf(partnerId: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
    const store = this.service.app.get<symbol, EventStore>(EVENT_STORE);
    const events = await store.readStream(partnerAllocationsStream(partnerId));
    return events.map(({ type, data }) => ({ type, data: data as Record<string, unknown> }));
  }

  /**
   * Waits until `leadrail.routing.v1` carries exactly `types` for the lead (in
   * order: one lead's events share a partition), and returns them.
   */
  async publishedFor(
    leadId: string,
    types: string[],
    timeoutMs = EVENTUALLY_MS,
  ): Promise<PublishedEvent[]> {
    this.routingReader ??= RoutingTopicReader.start();
    const reader = await this.routingReader;
    return expectEventually(
      () => {
        const events = reader.eventsOf(leadId);
        expect(events.map((event) => event.type)).toEqual(types);
        return events;
      },
      { timeoutMs },
    );
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
    const parsed = parseIntegrationEvent(JSON.stringify(event), partnersRegistry);
    if (!parsed.ok) {
      throw new Error(`${type} breaks the partners contract: ${JSON.stringify(parsed)}`);
    }
    await this.producer.send({
      topic: Topics.partners,
      acks: -1,
      messages: [{ key: partnerId, value: JSON.stringify(event) }],
    });
  }
}
