import { randomUUID } from 'node:crypto';
import { mortgageLeadFromCrm } from '@leadrail/leads-contracts';
import type { ServiceDefinition } from '@leadrail/nest-kit';
import {
  type ServiceUnderTest,
  startServiceUnderTest,
  testPortalIssuer,
} from '@leadrail/service-testing';
import { LeadIntake } from '../../intake/lead-intake';
import { LeadCommands } from '../../lead/lead-commands';
import { type AnnouncedPartner, LeadsTestKit } from '../../testing/leads-test-kit';
import { LeadTopicReader } from './lead-topic-reader';

/** An error answer: the code, and the fields to blame for a 400. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors?: { field: string; messages: string[] }[];
}

/** What a test reads of an answer it has no class for. */
export type AnswerBody = Partial<ErrorBody> & Record<string, unknown>;

/** An HTTP answer, body parsed. */
export interface HttpAnswer<Body = AnswerBody> {
  status: number;
  body: Body;
}

/** The fields a 400 names. */
export function fieldsOf(answer: HttpAnswer): string[] {
  return (answer.body.errors ?? []).map((error) => error.field);
}

/** Delivery is a later service: tests record it as that service will, as the system. */
const DELIVERY = { type: 'system', id: 'tests.delivery' } as const;
const ROUTING = { type: 'system', id: 'tests.routing' } as const;

/**
 * The leads service under test with what lifecycle tests need: an introducer
 * and a lead type to receive leads, partners with chosen portal settings,
 * their portal sessions (tokens signed by the test issuer, verified by the
 * service through its JWKS URL), and the leads topic read back.
 */
export class LifecycleScenario {
  private constructor(
    readonly service: ServiceUnderTest,
    readonly kit: LeadsTestKit,
    readonly topic: LeadTopicReader,
    private readonly introducerId: string,
  ) {}

  static async start(definition: ServiceDefinition): Promise<LifecycleScenario> {
    // The service requires PORTAL_JWKS_URL, so it verifies the test issuer's tokens.
    const service = await startServiceUnderTest(definition);
    const kit = await LeadsTestKit.for(service);
    const topic = await LeadTopicReader.start();
    const introducerId = await kit.announcePartner({ introducer: true, partner: false });
    await kit.defineLeadType(mortgageLeadFromCrm.payload.data.leadType);
    return new LifecycleScenario(service, kit, topic, introducerId);
  }

  async stop(): Promise<void> {
    await this.topic?.stop();
    await this.kit?.close();
    await this.service?.stop();
  }

  get leads(): LeadCommands {
    return this.service.app.get(LeadCommands);
  }

  /** A partner that buys leads, announced by the partners service with these portal settings. */
  partner(options: Omit<AnnouncedPartner, 'introducer' | 'partner'> = {}): Promise<string> {
    return this.kit.announcePartner({ ...options, introducer: false, partner: true });
  }

  /** A lead received from the test introducer (the example mortgage lead), waiting for routing. */
  async receivedLead(): Promise<string> {
    const leadId = randomUUID();
    const answer = await this.service.app.get(LeadIntake).submit(
      {
        ...mortgageLeadFromCrm.payload.data,
        leadId,
        introducerId: this.introducerId,
        // Unique, or the built-in external-reference rule would reject it as a duplicate.
        externalReference: `lifecycle-${leadId}`,
      },
      { source: { channel: 'http' }, actor: { type: 'introducer', id: this.introducerId } },
    );
    if (answer.outcome !== 'accepted') {
      throw new Error(`test lead not accepted: ${JSON.stringify(answer)}`);
    }
    return leadId;
  }

  /** A lead delivered to the partner at `deliveredAt` (now by default), as delivery will report it. */
  async deliveredLead(partnerId: string, deliveredAt?: Date): Promise<string> {
    const leadId = await this.receivedLead();
    const occurredAt = deliveredAt?.toISOString();
    await this.leads.issue('AllocateLead', leadId, { partnerId }, { actor: ROUTING, occurredAt });
    await this.leads.issue(
      'RecordDelivery',
      leadId,
      { partnerId, partnerReference: null },
      { actor: DELIVERY, occurredAt },
    );
    return leadId;
  }

  /** A portal request in the partner's own session. */
  async portal<Body = AnswerBody>(
    partnerId: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<HttpAnswer<Body>> {
    const token = await (await testPortalIssuer()).token(partnerId);
    const response = await fetch(`${this.service.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? null : JSON.parse(text)) as Body };
  }

  /** An operator request with the test administrator's token. */
  async operator<Body = AnswerBody>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<HttpAnswer<Body>> {
    const answer = await this.kit.operator(method, path, body);
    return { status: answer.status, body: answer.body as Body };
  }

  /** The types of the lead's events as the log stores them. */
  async storedTypes(leadId: string): Promise<string[]> {
    return (await this.kit.leadStream(leadId)).map((event) => event.type);
  }

  /** The lead's events as the log stores them. */
  stored(leadId: string): ReturnType<LeadsTestKit['leadStream']> {
    return this.kit.leadStream(leadId);
  }
}
