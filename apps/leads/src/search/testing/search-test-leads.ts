import { randomUUID } from 'node:crypto';
import { mortgageLeadFromCrm } from '@leadrail/leads-contracts';
import { type LeadSubmission } from '@leadrail/leads-domain';
import { type ServiceUnderTest, testPortalIssuer } from '@leadrail/service-testing';
import { LeadIntake } from '../../intake/lead-intake';
import { LeadCommands } from '../../lead/lead-commands';
import { LeadSettingsCommands } from '../../settings/lead-settings-commands';
import type { LeadsTestKit } from '../../testing/leads-test-kit';

const SYSTEM = { actor: { type: 'system', id: 'test' } } as const;

/** A person of its own for each lead, so no de-duplication rule links two test leads. */
export interface TestPerson {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  postcode: string;
}

let people = 0;

/** A fresh person: unique name, email, UK mobile and postcode. */
export function freshPerson(lastName = `Tester${randomUUID().slice(0, 8)}`): TestPerson {
  people += 1;
  const digits = String(Math.floor(Math.random() * 90000) + 10000 + people).slice(-5);
  return {
    firstName: `Alex${people}`,
    lastName,
    email: `${lastName.toLowerCase()}.${randomUUID().slice(0, 6)}@example.com`,
    phone: `+4477009${digits}`,
    postcode: `M${(people % 9) + 1} ${(people % 9) + 1}AB`,
  };
}

/**
 * Leads made the way the service makes them: recorded through LeadIntake
 * (validated, sealed), then routed and delivered through LeadCommands.
 */
export class SearchTestLeads {
  constructor(private readonly service: ServiceUnderTest) {}

  async record(
    introducerId: string,
    person: TestPerson = freshPerson(),
    externalReference = `crm-${randomUUID()}`,
  ): Promise<string> {
    const example = mortgageLeadFromCrm.payload.data;
    const submission: LeadSubmission = {
      ...example,
      leadId: randomUUID(),
      introducerId,
      externalReference,
      contact: {
        firstName: person.firstName,
        lastName: person.lastName,
        email: person.email,
        phone: person.phone,
        address: { ...example.contact.address!, postcode: person.postcode },
      },
    };
    const answer = await this.service.app.get(LeadIntake).submit(submission, {
      source: { channel: 'http' },
      actor: { type: 'introducer', id: introducerId },
    });
    if (answer.outcome !== 'accepted') {
      throw new Error(`test lead not accepted: ${JSON.stringify(answer)}`);
    }
    return submission.leadId;
  }

  allocate(leadId: string, partnerId: string): Promise<unknown> {
    return this.commands().issue('AllocateLead', leadId, { partnerId }, SYSTEM);
  }

  async deliver(leadId: string, partnerId: string): Promise<void> {
    await this.allocate(leadId, partnerId);
    await this.commands().issue(
      'RecordDelivery',
      leadId,
      { partnerId, partnerReference: null },
      SYSTEM,
    );
  }

  async refer(leadId: string, partnerId: string): Promise<void> {
    const expiresAt = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    await this.commands().issue('ReferLead', leadId, { partnerId, expiresAt }, SYSTEM);
  }

  async setStatus(leadId: string, status: string): Promise<void> {
    const { state } = await this.service.app.get(LeadSettingsCommands).load();
    await this.commands().issue(
      'ChangeLeadStatus',
      leadId,
      { status, catalogue: { statuses: state.statuses } },
      { actor: { type: 'operator', id: 'test-admin' } },
    );
  }

  private commands(): LeadCommands {
    return this.service.app.get(LeadCommands);
  }
}

/** A portal call as the partner, with a session token signed like the partners service signs them. */
/** The parts of answers the tests read (each answer has some of them). */
export interface TestBody {
  items: { leadId: string; stage: string; status: string | null }[];
  next: string | null;
  errors: { field: string; messages: string[] }[];
  history: { type: string }[];
  stage: string;
  leadValue: unknown;
  totals: { leads: number; returned: number; value: unknown };
}

/** An operator call through the kit, its answer typed for the tests. */
export async function operatorCall(
  kit: LeadsTestKit,
  method: string,
  path: string,
): Promise<{ status: number; body: TestBody }> {
  const response = await kit.operator(method, path);
  return { status: response.status, body: response.body as unknown as TestBody };
}

export async function portalCall(
  service: ServiceUnderTest,
  partnerId: string | null,
  path: string,
): Promise<{ status: number; body: TestBody; text: string }> {
  const headers: Record<string, string> =
    partnerId === null
      ? {}
      : { authorization: `Bearer ${await (await testPortalIssuer()).token(partnerId)}` };
  const response = await fetch(`${service.url}${path}`, { headers });
  const text = await response.text();
  return {
    status: response.status,
    body: JSON.parse(text === '' ? 'null' : text) as TestBody,
    text,
  };
}
