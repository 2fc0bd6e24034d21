import { randomUUID } from 'node:crypto';
import { mortgageLeadFromCrm, mortgageLeadRecorded } from '@leadrail/leads-contracts';
import { brokerRegisteredWithFullSettings } from '@leadrail/partners-contracts';
import type { ServiceUnderTest } from '@leadrail/service-testing';
import { plainKafka } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { type Producer, Partitioners } from 'kafkajs';
import type { LeadsKeyServer } from './leads-key-server';

const ALL_DAY = { enabled: true, from: '00:00', to: '00:00' };

/** The contact every test lead has, hostile on purpose: it must reach the partner intact and inert. */
export const TEST_CONTACT = {
  firstName: 'Zoë "Z" <b>',
  lastName: "O'Brien ]]> & co",
  email: 'zoe@example.com',
  phone: '+447700900123',
};

/**
 * Delivery's integration tests: partners, leads, routing decisions and
 * allocations published on the real topics exactly as the partners, leads
 * and routing relays publish them.
 */
export class DeliveryTestKit {
  private constructor(
    readonly service: ServiceUnderTest,
    private readonly keys: LeadsKeyServer,
    private readonly producer: Producer,
  ) {}

  static async for(service: ServiceUnderTest, keys: LeadsKeyServer): Promise<DeliveryTestKit> {
    const producer = plainKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    return new DeliveryTestKit(service, keys, producer);
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }

  /**
   * A partner taking leads by JSON at `url` (the default), by the `internet`
   * setting given (null: none), and by email when asked.
   */
  async partner(options: {
    url?: string;
    internet?: Record<string, unknown> | null;
    email?: boolean;
    contactEmail?: string | null;
  }): Promise<string> {
    const partnerId = randomUUID();
    const example = brokerRegisteredWithFullSettings.payload.data;
    const internet =
      options.internet !== undefined
        ? options.internet
        : {
            method: 'json',
            url: options.url,
            bodyTemplate:
              '{"name": {{lead.full_name}}, "email": {{lead.email}}, "ref": {{delivery.id}}, "value": {{lead.value.amount}}}',
            headers: { Authorization: 'Bearer partner-secret-token-123456' },
          };
    await this.send(Topics.partners, 'leadrail.partners', partnerId, 'PartnerRegistered', {
      ...example,
      partnerId,
      name: 'Northway Mortgages',
      settings: {
        ...example.settings,
        contact: { ...example.settings.contact, email: options.contactEmail ?? null },
        schedule: {
          timeZone: 'Europe/London',
          days: Object.fromEntries(
            ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, ALL_DAY]),
          ),
        },
        delivery: { email: options.email ?? false, internet },
      },
    });
    return partnerId;
  }

  /**
   * A lead recorded, routed to the partner at GBP 35.00 and allocated to it; returns its id.
   * `erased`: its personal data was erased (the key deleted) before delivery began.
   */
  async allocatedLead(
    partnerId: string,
    options: { erased?: boolean; contact?: Partial<typeof TEST_CONTACT> } = {},
  ): Promise<string> {
    const leadId = randomUUID();
    const example = mortgageLeadRecorded.payload.data;
    const personal = this.keys.seal(leadId, { ...TEST_CONTACT, ...options.contact });
    if (options.erased === true) {
      this.keys.erase(leadId);
    }
    await this.send(Topics.leads, 'leadrail.leads', leadId, 'LeadRecorded', {
      ...example,
      leadId,
      personal,
    });
    await this.routedTo(leadId, partnerId);
    await this.send(Topics.leads, 'leadrail.leads', leadId, 'LeadAllocated', {
      leadId,
      partnerId,
      allocatedAt: new Date().toISOString(),
    });
    return leadId;
  }

  /**
   * A lead recorded and referred to the partner (as the leads service
   * publishes them), routed to it at GBP 35.00; `answers` and `city` replace
   * the example's. Returns the lead's id and the `LeadReferred` data, which
   * {@link referralAgain} publishes again.
   */
  async referredLead(
    partnerId: string,
    options: { answers?: Record<string, string | number | boolean>; city?: string } = {},
  ): Promise<{ leadId: string; referred: Record<string, string> }> {
    const leadId = randomUUID();
    const example = mortgageLeadRecorded.payload.data;
    await this.send(Topics.leads, 'leadrail.leads', leadId, 'LeadRecorded', {
      ...example,
      leadId,
      answers: options.answers ?? example.answers,
      area: { ...example.area, city: options.city ?? example.area.city },
      personal: this.keys.seal(leadId, TEST_CONTACT),
    });
    await this.routedTo(leadId, partnerId);
    const referredAt = new Date();
    const referred = {
      leadId,
      partnerId,
      referredAt: referredAt.toISOString(),
      expiresAt: new Date(referredAt.getTime() + 60 * 60_000).toISOString(),
    };
    await this.send(Topics.leads, 'leadrail.leads', leadId, 'LeadReferred', referred);
    return { leadId, referred };
  }

  /**
   * The same `LeadReferred` again, as a redelivery (`eventId` given: the same
   * message) or a republication (a new event id); returns the event id.
   */
  referralAgain(referred: Record<string, string>, eventId = randomUUID()): Promise<string> {
    return this.send(
      Topics.leads,
      'leadrail.leads',
      referred.leadId!,
      'LeadReferred',
      referred,
      eventId,
    );
  }

  /** A lead received from an introducer on the intake topic, as an internal publisher sends it. */
  async submittedLead(
    introducerId: string,
    options: { answers?: Record<string, string | number | boolean>; city?: string } = {},
  ): Promise<string> {
    const leadId = randomUUID();
    const example = mortgageLeadFromCrm.payload.data;
    const address = { ...example.contact.address!, city: options.city ?? 'Manchester' };
    await this.send(Topics.leadIntake, 'tests.crm', leadId, 'LeadReceived', {
      ...example,
      leadId,
      introducerId,
      externalReference: `referral-${leadId}`,
      contact: { ...example.contact, address },
      answers: options.answers ?? example.answers,
    });
    return leadId;
  }

  /** Routing's decision for the lead, as routing publishes it: the partner at GBP 35.00. */
  async routedTo(leadId: string, partnerId: string): Promise<void> {
    await this.send(
      Topics.routing,
      'leadrail.routing',
      leadId,
      'LeadRouted',
      this.routed(leadId, partnerId),
    );
  }

  private routed(leadId: string, partnerId: string): object {
    return {
      leadId,
      partnerId,
      leadValue: { amount: 3500, currency: 'GBP' },
      decision: {
        leadType: mortgageLeadRecorded.payload.data.leadType,
        decidedAt: new Date().toISOString(),
        strategy: { method: 'round-robin', maxPartners: 1 },
        alreadyTried: [],
        candidates: [],
        decidedFrom: [],
      },
    };
  }

  /** The lead's personal data erased, as the leads service announces it. */
  async erased(leadId: string): Promise<string> {
    const erasedAt = new Date().toISOString();
    this.keys.erase(leadId);
    await this.send(Topics.leads, 'leadrail.leads', leadId, 'LeadPersonalDataErased', {
      leadId,
      erasedAt,
      erasedBy: { type: 'operator', id: 'tests' },
    });
    return erasedAt;
  }

  /** An operator call with the test administrator's token; the body parsed. */
  async get<Body>(path: string): Promise<{ status: number; body: Body }> {
    const response = await fetch(`${this.service.url}${path}`, {
      headers: { authorization: `Bearer ${this.service.tokens.admin}` },
    });
    return { status: response.status, body: (await response.json()) as Body };
  }

  /** An operator's POST (the administrator's token unless `readOnly`); the body parsed. */
  async post<Body>(
    path: string,
    body: unknown,
    options: { readOnly?: boolean } = {},
  ): Promise<{ status: number; body: Body }> {
    const token =
      options.readOnly === true ? this.service.tokens.readOnly : this.service.tokens.admin;
    const response = await fetch(`${this.service.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Body };
  }

  private async send(
    topic: string,
    source: string,
    key: string,
    type: string,
    data: object,
    eventId: string = randomUUID(),
  ): Promise<string> {
    const event = {
      eventId,
      type,
      version: 1,
      occurredAt: new Date().toISOString(),
      correlationId: eventId,
      causationId: eventId,
      source,
      data,
    };
    await this.producer.send({
      topic,
      acks: -1,
      messages: [{ key, value: JSON.stringify(event) }],
    });
    return eventId;
  }
}
