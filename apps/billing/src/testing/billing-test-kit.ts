import { randomUUID } from 'node:crypto';
import { mortgageLeadRecorded } from '@leadrail/leads-contracts';
import { brokerRegisteredWithFullSettings } from '@leadrail/partners-contracts';
import { leadRoutedV1 } from '@leadrail/routing-contracts';
import type { ServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually, plainKafka } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { type Producer, Partitioners } from 'kafkajs';
import { Client } from 'pg';

/** How a test partner pays and is paid, as the partners service would announce it. */
export interface TestBillingPartner {
  /** Its id; a new one unless given. */
  partnerId?: string;
  mode?: 'pre-pay' | 'post-pay';
  /** Post-pay credit limit in pence (GBP). */
  creditLimit?: number;
  /** Low Funds Threshold in pence (GBP); 1000 unless given. */
  threshold?: number;
  billingPoint?: 'delivery' | 'acceptance' | 'qualification' | 'conversion';
  /** Set as an introducer with this Lead Cost in pence (GBP). */
  leadCost?: number;
}

/** A message as a relay publishes it: an envelope around the data. */
export interface Envelope {
  eventId: string;
  type: string;
  version: 1;
  occurredAt: string;
  correlationId: string;
  causationId: string;
  source: string;
  data: Record<string, unknown>;
}

export const gbp = (amount: number) => ({ amount, currency: 'GBP' });

/**
 * The billing service's integration tests: partners, leads and routing
 * decisions published on the real topics exactly as their relays publish
 * them (sent twice where a test says, as a restarted relay would), and
 * billing's HTTP API and log read back.
 */
export class BillingTestKit {
  private constructor(
    readonly service: ServiceUnderTest,
    readonly db: Client,
    private readonly producer: Producer,
  ) {}

  static async for(service: ServiceUnderTest): Promise<BillingTestKit> {
    const db = new Client({ connectionString: service.database.url });
    await db.connect();
    const producer = plainKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    return new BillingTestKit(service, db, producer);
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
    await this.db.end();
  }

  /** Registers a partner as the partners service announces it; waits until billing knows it. */
  async partner(options: TestBillingPartner = {}): Promise<string> {
    const partnerId = options.partnerId ?? randomUUID();
    const example = brokerRegisteredWithFullSettings.payload;
    const settings = example.data.settings;
    const mode = options.mode ?? 'pre-pay';
    await this.publish(Topics.partners, 'leadrail.partners', partnerId, 'PartnerRegistered', {
      ...example.data,
      partnerId,
      settings: {
        ...settings,
        partnerType: {
          introducer: options.leadCost !== undefined,
          partner: true,
          leadCost: options.leadCost === undefined ? null : gbp(options.leadCost),
          leadValue: gbp(2500),
        },
        payment:
          mode === 'pre-pay' ? { mode } : { mode, creditLimit: gbp(options.creditLimit ?? 10_000) },
        billingPoint: options.billingPoint ?? 'delivery',
        lowFundsThreshold: gbp(options.threshold ?? 1000),
      },
    });
    await expectEventually(async () => {
      expect((await this.get(`/billing/partners/${partnerId}/account`)).status).toBe(200);
    });
    return partnerId;
  }

  /** A partner event (a change of settings) as the partners relay publishes it. */
  partnerEvent(partnerId: string, type: string, data: object): Promise<Envelope> {
    return this.publish(Topics.partners, 'leadrail.partners', partnerId, type, {
      partnerId,
      ...data,
    });
  }

  /** `LeadRecorded` from an introducer; returns the lead id. */
  async leadRecorded(introducerId: string): Promise<string> {
    const example = mortgageLeadRecorded.payload;
    const leadId = randomUUID();
    await this.publish(Topics.leads, 'leadrail.leads', leadId, 'LeadRecorded', {
      ...example.data,
      leadId,
      introducerId,
    });
    return leadId;
  }

  /** `LeadRouted` to the partner at this Lead Value, as routing publishes it. */
  leadRouted(leadId: string, partnerId: string, value: number): Promise<Envelope> {
    const example = leadRoutedV1.examples[0]!.payload;
    return this.publish(Topics.routing, 'leadrail.routing', leadId, 'LeadRouted', {
      ...example.data,
      leadId,
      partnerId,
      leadValue: gbp(value),
    });
  }

  /** A lead event (`LeadDelivered`, `ReturnAccepted`…) for the lead and partner. */
  leadEvent(leadId: string, partnerId: string, type: string, data: object): Promise<Envelope> {
    return this.publish(Topics.leads, 'leadrail.leads', leadId, type, {
      leadId,
      partnerId,
      ...data,
    });
  }

  delivered(leadId: string, partnerId: string): Promise<Envelope> {
    return this.leadEvent(leadId, partnerId, 'LeadDelivered', {
      deliveredAt: new Date().toISOString(),
      partnerReference: null,
    });
  }

  /** Publishes a message as a relay does; returns it so a test can send it again. */
  async publish(
    topic: string,
    source: string,
    key: string,
    type: string,
    data: Record<string, unknown>,
  ): Promise<Envelope> {
    const eventId = randomUUID();
    const envelope: Envelope = {
      eventId,
      type,
      version: 1,
      occurredAt: new Date().toISOString(),
      correlationId: eventId,
      causationId: eventId,
      source,
      data,
    };
    await this.resend(topic, key, envelope);
    return envelope;
  }

  /** Sends a message again, byte for byte: a redelivery. */
  async resend(topic: string, key: string, envelope: Envelope): Promise<void> {
    await this.producer.send({ topic, messages: [{ key, value: JSON.stringify(envelope) }] });
  }

  get(path: string, token = this.service.tokens.admin): Promise<Response> {
    return fetch(`${this.service.url}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  }

  post(path: string, body: unknown, token = this.service.tokens.admin): Promise<Response> {
    return fetch(`${this.service.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async json<T>(path: string): Promise<T> {
    const response = await this.get(path);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  /** Events of billing's log on a stream, in order (type and data). */
  async logOf(stream: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
    const { rows } = await this.db.query<{ type: string; data: Record<string, unknown> }>(
      `SELECT type, data FROM billing_log.events WHERE stream_name = $1 ORDER BY revision`,
      [stream],
    );
    return rows;
  }
}
