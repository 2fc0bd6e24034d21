import { randomUUID } from 'node:crypto';
import { brokerRegisteredWithFullSettings } from '@leadrail/partners-contracts';
import type { ServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually, plainKafka } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { Partitioners } from 'kafkajs';
import { Client } from 'pg';

/** A recorded event of the leads service's log, as stored. */
export interface StoredEvent {
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

type PortalLevel = 'none' | 'leads-and-reports' | 'leads-only' | 'everything-except-leads';

/** How a test partner is announced on `leadrail.partners.v1`. */
export interface AnnouncedPartner {
  partnerId?: string;
  introducer?: boolean;
  partner?: boolean;
  level?: PortalLevel;
  requireReferralAcceptance?: boolean;
  mayUpdateLeadStatus?: boolean;
}

/**
 * Helpers for the leads service's integration tests: the partners service's
 * announcements published on the real topic (as it publishes them), operator
 * calls over HTTP, and the service's log read back as stored.
 */
export class LeadsTestKit {
  private constructor(
    readonly service: ServiceUnderTest,
    readonly db: Client,
  ) {}

  static async for(service: ServiceUnderTest): Promise<LeadsTestKit> {
    const db = new Client({ connectionString: service.database.url });
    await db.connect();
    return new LeadsTestKit(service, db);
  }

  async close(): Promise<void> {
    await this.db.end();
  }

  /** Publishes a PartnerRegistered, as the partners service would, and waits until leads has it. */
  async announcePartner(options: AnnouncedPartner = {}): Promise<string> {
    const partnerId = options.partnerId ?? randomUUID();
    const example = brokerRegisteredWithFullSettings.payload;
    const eventId = randomUUID();
    const event = {
      ...example,
      eventId,
      correlationId: eventId,
      causationId: eventId,
      data: {
        ...example.data,
        partnerId,
        settings: {
          ...example.data.settings,
          partnerType: {
            ...example.data.settings.partnerType,
            introducer: options.introducer ?? true,
            partner: options.partner ?? true,
          },
          portalAccess: {
            level: options.level ?? 'leads-and-reports',
            requireReferralAcceptance: options.requireReferralAcceptance ?? false,
            mayUpdateLeadStatus: options.mayUpdateLeadStatus ?? true,
          },
        },
      },
    };
    const producer = plainKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({
      topic: Topics.partners,
      acks: -1,
      messages: [{ key: partnerId, value: JSON.stringify(event) }],
    });
    await producer.disconnect();
    await expectEventually(
      async () => {
        const { rows } = await this.db.query(
          'SELECT 1 FROM leads.partner_view WHERE partner_id = $1',
          [partnerId],
        );
        expect(rows).toHaveLength(1);
        // A busy broker (the whole suite at once) can take a while to hand the event over.
      },
      { timeoutMs: 60_000 },
    );
    return partnerId;
  }

  /** An operator call with the test administrator's token. */
  async operator(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
    const response = await fetch(`${this.service.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.service.tokens.admin}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /** Adds an active lead type (a no-op when it exists). */
  async defineLeadType(slug: string, name = slug): Promise<void> {
    const { status, body } = await this.operator('POST', '/lead-types', { slug, name });
    if (status !== 201 && status !== 200) {
      throw new Error(`defining lead type ${slug}: ${status} ${JSON.stringify(body)}`);
    }
  }

  /** The events of a stream as the log stores them (contacts sealed). */
  async stream(streamName: string): Promise<StoredEvent[]> {
    const { rows } = await this.db.query<StoredEvent>(
      'SELECT type, data, metadata FROM leads_log.events WHERE stream_name = $1 ORDER BY revision',
      [streamName],
    );
    return rows;
  }

  /** The events of one lead's stream, as stored. */
  leadStream(leadId: string): Promise<StoredEvent[]> {
    return this.stream(`lead-${leadId.toLowerCase()}`);
  }
}
