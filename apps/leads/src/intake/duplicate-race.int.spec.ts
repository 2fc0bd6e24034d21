import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { mortgageLeadFromCrm } from '@leadrail/leads-contracts';
import { findFreePort } from '@leadrail/local-infra';
import { hashOperatorToken, mintOperatorToken } from '@leadrail/nest-kit';
import { type ServiceUnderTest, testPortalIssuer } from '@leadrail/service-testing';
import {
  type TestDatabase,
  createTestDatabase,
  expectEventually,
  plainKafka,
  testEnvironment,
} from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { AssignerProtocol, Partitioners } from 'kafkajs';
import { LeadsTestKit } from '../testing/leads-test-kit';

const SUBMISSIONS = 50;
const OVER_HTTP = 25;
const LEAD_TYPE = mortgageLeadFromCrm.payload.data.leadType;

interface LeadsProcess {
  url: string;
  child: ChildProcessWithoutNullStreams;
  output: () => string;
}

/** The outcome the log holds for each lead, in the terms the assertions use. */
interface Outcomes {
  /** Leads recorded as received and not linked to another: the originals. */
  originals: string[];
  /** How many leads were rejected as duplicates, per original they name. */
  rejectedAsDuplicateOf: Record<string, number>;
  /** How many leads were received and linked as duplicates, per original they name. */
  linkedAsDuplicateOf: Record<string, number>;
  /** Leads with anything else (another rejection code, no event yet). */
  other: string[];
}

/** The part of a lead's stored event this test reads: a rejection, or a duplicate link. */
interface StoredOutcome {
  type: string;
  data: {
    rejection?: { code: string; duplicateOf?: DuplicateLink | null };
    duplicateOf?: DuplicateLink;
  };
}

interface DuplicateLink {
  originalLeadId: string;
  ruleId: string;
}

/**
 * The Done-when race of the leads issue: 50 submissions of one person, each
 * with its own lead id, at once over HTTP (to both processes) and Kafka (to
 * partitions both processes consume). The claim on the person's email key is
 * an append with an expected revision, so exactly one lead is the original
 * however the submissions interleave across processes and channels.
 */
describe('de-duplication racing across two leads processes, over HTTP and Kafka', () => {
  let database: TestDatabase;
  let kit: LeadsTestKit;
  let apiKey: string;
  let introducerId: string;
  const processes: LeadsProcess[] = [];
  const groupId = `test-leads-race-${randomUUID().slice(0, 8)}`;
  const admin = { name: 'test-admin', token: mintOperatorToken() };

  async function start(): Promise<LeadsProcess> {
    const port = await findFreePort();
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, '..', 'testing', 'run-leads.fixture.ts')],
      {
        cwd: join(__dirname, '../../../..'),
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: database.url,
          KAFKA_BROKERS: testEnvironment().kafkaBrokers,
          KAFKA_GROUP_ID: groupId,
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'error',
          OPERATOR_TOKENS: `${admin.name}:admin:${hashOperatorToken(admin.token).toString('hex')}`,
          PORTAL_JWKS_URL: (await testPortalIssuer()).jwksUrl,
        },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const started = { url: `http://127.0.0.1:${port}`, child, output: () => output };
    processes.push(started);
    await expectEventually(
      () => {
        if (!output.includes('READY')) {
          throw new Error(`leads process not ready (exit code ${child.exitCode}):\n${output}`);
        }
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    return started;
  }

  /** Keys are a read model: waits until the process accepts the introducer's key. */
  async function acceptsKey({ url }: LeadsProcess): Promise<void> {
    await expectEventually(async () => {
      const response = await fetch(`${url}/introducer/whoami`, {
        headers: { authorization: `Bearer ${apiKey}` },
      });
      expect(response.status).toBe(200);
    });
  }

  /** Both processes are members of the group, and each consumes some intake partitions. */
  async function bothConsumingIntake(): Promise<void> {
    const kafka = plainKafka().admin();
    await kafka.connect();
    try {
      await expectEventually(
        async () => {
          const { groups } = await kafka.describeGroups([groupId]);
          const group = groups[0];
          expect(group?.state).toBe('Stable');
          const intakePartitions = (group?.members ?? []).map(
            (member) =>
              AssignerProtocol.MemberAssignment.decode(member.memberAssignment)?.assignment[
                Topics.leadIntake
              ]?.length ?? 0,
          );
          expect(intakePartitions).toHaveLength(2);
          expect(Math.min(...intakePartitions)).toBeGreaterThan(0);
        },
        { timeoutMs: 45_000, intervalMs: 250 },
      );
    } finally {
      await kafka.disconnect();
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase('leads-race');
    // One after the other: migrations run at boot, and two at once on a new database would race.
    const first = await start();
    await start();
    // The kit reads only the service's URL, database and operator token.
    kit = await LeadsTestKit.for({
      url: first.url,
      database,
      tokens: { admin: admin.token, readOnly: admin.token },
    } as unknown as ServiceUnderTest);
    introducerId = await kit.announcePartner({ introducer: true, partner: false });
    await kit.defineLeadType(LEAD_TYPE);
    const issued = await kit.operator('POST', `/introducers/${introducerId}/api-keys`, {
      label: 'race',
    });
    if (issued.status !== 201) {
      throw new Error(`issuing an API key: ${issued.status} ${JSON.stringify(issued.body)}`);
    }
    apiKey = (issued.body as { apiKey: string }).apiKey;
    for (const running of processes) {
      await acceptsKey(running);
    }
    await bothConsumingIntake();
  }, 150_000);

  afterAll(async () => {
    await kit?.close();
    await Promise.all(
      processes.map(async ({ child }) => {
        if (child.exitCode === null && child.signalCode === null) {
          const exited = once(child, 'exit');
          child.kill('SIGTERM');
          await exited;
        }
      }),
    );
    await database?.drop();
  }, 30_000);

  async function setRule(action: 'reject' | 'accept-and-link'): Promise<void> {
    const { status, body } = await kit.operator('PUT', '/lead-settings/duplicate-rules', {
      rules: [
        {
          id: 'same-email',
          keys: ['email'],
          scope: 'all-introducers',
          window: { type: 'all-time' },
          action,
        },
      ],
    });
    expect({ status, body }).toMatchObject({ status: 200 });
  }

  /**
   * One person's address as 50 different submissions write it: upper, lower
   * and mixed case (JSON and Kafka), and with spaces around it in XML, whose
   * values intake trims (spaces in a JSON email are refused as invalid).
   */
  function spelling(email: string, index: number): string {
    const [local = '', domain = ''] = email.split('@');
    switch (index % 4) {
      case 0:
        return email;
      case 1:
        return email.toUpperCase();
      case 2:
        return `${local[0]!.toUpperCase()}${local.slice(1)}@${domain.toUpperCase()}`;
      default:
        return `${local}@${domain[0]!.toUpperCase()}${domain.slice(1)}`;
    }
  }

  function lead(leadId: string, email: string) {
    // No external reference: the 50 leads differ in id only, and meet on the email rule alone.
    const data = { ...mortgageLeadFromCrm.payload.data, externalReference: undefined };
    return { ...data, leadId, introducerId, contact: { ...data.contact, email } };
  }

  function xmlOf(leadId: string, email: string): string {
    const { contact, consent } = mortgageLeadFromCrm.payload.data;
    return `<?xml version="1.0" encoding="UTF-8"?>
<lead>
  <leadId>${leadId}</leadId>
  <leadType>${LEAD_TYPE}</leadType>
  <contact>
    <firstName>${contact.firstName}</firstName>
    <lastName>${contact.lastName}</lastName>
    <email>   ${email}  </email>
  </contact>
  <consent><contactByPhone>${consent.contactByPhone}</contactByPhone><contactByEmail>${consent.contactByEmail}</contactByEmail><capturedAt>${consent.capturedAt}</capturedAt></consent>
  <receivedAt>${mortgageLeadFromCrm.payload.data.receivedAt}</receivedAt>
</lead>`;
  }

  /** Sends the 50 submissions at once and returns their lead ids, and the HTTP statuses. */
  async function race(email: string): Promise<{ leadIds: string[]; statuses: number[] }> {
    const leadIds = Array.from({ length: SUBMISSIONS }, () => randomUUID());
    const kafka = plainKafka();
    const metadata = kafka.admin();
    await metadata.connect();
    const { topics } = await metadata.fetchTopicMetadata({ topics: [Topics.leadIntake] });
    await metadata.disconnect();
    const partitions = topics[0]?.partitions.length ?? 1;
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      const http = leadIds.slice(0, OVER_HTTP).map((leadId, index) => {
        // Alternating between the processes; every third one as XML with spaces around the email.
        const { url } = processes[index % processes.length]!;
        const spelt = spelling(email, index);
        const [contentType, body] =
          index % 3 === 2
            ? ['application/xml', xmlOf(leadId, spelt)]
            : ['application/json', JSON.stringify(lead(leadId, spelt))];
        return () =>
          fetch(`${url}/leads`, {
            method: 'POST',
            headers: { authorization: `Bearer ${apiKey}`, 'content-type': contentType },
            body,
          }).then(async (response) => {
            await response.arrayBuffer();
            return response.status;
          });
      });
      const messages = leadIds.slice(OVER_HTTP).map((leadId, index) => {
        const eventId = randomUUID();
        const event = {
          ...mortgageLeadFromCrm.payload,
          eventId,
          correlationId: eventId,
          causationId: eventId,
          data: lead(leadId, spelling(email, index)),
        };
        // Keyed by lead, and placed round the partitions, so both processes' shares are used.
        return { key: leadId, partition: index % partitions, value: JSON.stringify(event) };
      });
      const [statuses] = await Promise.all([
        Promise.all(http.map((send) => send())),
        producer.send({ topic: Topics.leadIntake, acks: -1, messages }),
      ]);
      return { leadIds, statuses };
    } finally {
      await producer.disconnect();
    }
  }

  async function outcomes(leadIds: readonly string[]): Promise<Outcomes> {
    const { rows } = await kit.db.query<StoredOutcome & { stream_name: string }>(
      `SELECT stream_name, type, data FROM leads_log.events
        WHERE stream_name = ANY($1) ORDER BY stream_name, revision`,
      [leadIds.map((leadId) => `lead-${leadId}`)],
    );
    const byLead = new Map<string, StoredOutcome[]>();
    for (const row of rows) {
      const leadId = row.stream_name.slice('lead-'.length);
      byLead.set(leadId, [...(byLead.get(leadId) ?? []), row]);
    }
    const result: Outcomes = {
      originals: [],
      rejectedAsDuplicateOf: {},
      linkedAsDuplicateOf: {},
      other: [],
    };
    const count = (tally: Record<string, number>, original: string) =>
      (tally[original] = (tally[original] ?? 0) + 1);
    for (const leadId of leadIds) {
      const events = byLead.get(leadId) ?? [];
      const types = events.map((event) => event.type).join(',');
      const rejection = events[0]?.data.rejection;
      const rejectedAs = rejection?.code === 'DUPLICATE_LEAD' ? rejection.duplicateOf : null;
      const linkedAs = events[1]?.data.duplicateOf;
      if (types === 'LeadReceived') {
        result.originals.push(leadId);
      } else if (types === 'LeadRejected' && rejectedAs?.ruleId === 'same-email') {
        count(result.rejectedAsDuplicateOf, rejectedAs.originalLeadId);
      } else if (
        types === 'LeadReceived,LeadLinkedAsDuplicate' &&
        linkedAs?.ruleId === 'same-email'
      ) {
        count(result.linkedAsDuplicateOf, linkedAs.originalLeadId);
      } else {
        result.other.push(`${leadId}: ${types || 'nothing yet'}`);
      }
    }
    return result;
  }

  /** Polls the log until every lead has the outcome `expected` describes (or shows what it has). */
  async function settled(leadIds: readonly string[], expected: (found: Outcomes) => unknown) {
    return expectEventually(
      async () => {
        for (const running of processes) {
          if (running.child.exitCode !== null || running.child.signalCode !== null) {
            throw new Error(`a leads process exited during the race:\n${running.output()}`);
          }
        }
        const found = await outcomes(leadIds);
        expect(found).toEqual(expected(found));
        return found;
      },
      { timeoutMs: 45_000, intervalMs: 250 },
    );
  }

  it('rejects 49 of 50 simultaneous submissions of one person as duplicates naming the one original', async () => {
    await setRule('reject');
    const email = `race.${randomUUID().slice(0, 8)}@example.com`;
    const { leadIds, statuses } = await race(email);

    const found = await settled(leadIds, (now) => ({
      originals: [expect.any(String)],
      rejectedAsDuplicateOf: { [now.originals[0] ?? 'the original']: SUBMISSIONS - 1 },
      linkedAsDuplicateOf: {},
      other: [],
    }));
    // HTTP answers agree with the log: the original got 201, every duplicate 422.
    const original = found.originals[0]!;
    const httpOriginal = leadIds.slice(0, OVER_HTTP).indexOf(original);
    expect(statuses).toEqual(statuses.map((_, index) => (index === httpOriginal ? 201 : 422)));
  }, 90_000);

  it('accepts 50 simultaneous submissions of one person, linking 49 to the one original', async () => {
    await setRule('accept-and-link');
    const email = `race.${randomUUID().slice(0, 8)}@example.com`;
    const { leadIds, statuses } = await race(email);

    const found = await settled(leadIds, (now) => ({
      originals: [expect.any(String)],
      rejectedAsDuplicateOf: {},
      linkedAsDuplicateOf: { [now.originals[0] ?? 'the original']: SUBMISSIONS - 1 },
      other: [],
    }));
    expect(found.originals).toHaveLength(1);
    expect(statuses).toEqual(statuses.map(() => 201));
  }, 90_000);
});
