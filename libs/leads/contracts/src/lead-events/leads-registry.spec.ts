import { parseIntegrationEvent } from '@leadrail/integration-events';
import { Topics } from '@leadrail/topics';
import { leadsIntakeRegistry } from '../leads-intake-registry';
import { leadsRegistry } from './leads-registry';

const examples = leadsRegistry.definitions.flatMap((definition) =>
  definition.examples.map((example) => ({ definition, example })),
);

type Payload = { type: string; data: Record<string, unknown> };

/** A copy of the first example of `type`, changed by `change`, parsed. */
function parseChanged(type: string, change: (payload: Payload) => void) {
  const [example] = leadsRegistry.find(type, 1)?.examples ?? [];
  const payload = structuredClone(example?.payload) as unknown as Payload;
  change(payload);
  return parseIntegrationEvent(JSON.stringify(payload), leadsRegistry);
}

describe('leadsRegistry', () => {
  it('holds v1 of the 14 lead events, LeadPersonalDataErased and the lead-type catalogue, on the leads topic', () => {
    expect(leadsRegistry.definitions.map((definition) => definition.type)).toEqual([
      'LeadRecorded',
      'LeadRejected',
      'LeadLinkedAsDuplicate',
      'LeadAllocated',
      'LeadReferred',
      'ReferralAccepted',
      'ReferralDeclined',
      'ReferralExpired',
      'LeadDelivered',
      'LeadDeliveryFailed',
      'LeadStatusChanged',
      'ReturnRequested',
      'ReturnAccepted',
      'ReturnDeclined',
      'LeadPersonalDataErased',
      'LeadTypeDefined',
      'LeadTypeChanged',
    ]);
    expect(leadsRegistry.topics()).toEqual([Topics.leads]);
    for (const { definition, example } of examples) {
      // The union of definitions only takes the intersection of their data; each takes its own.
      const key = definition.key as { of(data: object): string };
      const data = example.payload.data as { leadId?: string; slug?: string };
      // A lead's events are keyed by the lead; a lead type's by lead-type:<slug>.
      expect(key.of(data)).toBe(data.leadId ?? `lead-type:${data.slug}`);
    }
  });

  it.each(['LeadTypeDefined', 'LeadTypeChanged'])(
    'still takes a %s recorded before lead types had a routing method',
    (type) => {
      const result = parseChanged(type, (payload) => delete payload.data.routingMethod);
      expect(result.ok ? '' : result.message).toBe('');
      const data = (result.ok ? result.event.data : {}) as { routingMethod?: string };
      expect(data.routingMethod).toBeUndefined();
    },
  );

  it('shares no type name with the intake contract: one name, one payload', () => {
    const intakeTypes = new Set<string>(leadsIntakeRegistry.definitions.map((d) => d.type));
    expect(leadsRegistry.definitions.filter((d) => intakeTypes.has(d.type))).toEqual([]);
  });

  it.each(examples.map(({ example }) => [example.name, example] as const))(
    'accepts the example %s and gives back exactly its JSON',
    (_name, example) => {
      const result = parseIntegrationEvent(JSON.stringify(example.payload), leadsRegistry);
      expect(result.ok ? '' : result.message).toBe('');
      expect(result.ok && JSON.parse(JSON.stringify(result.event))).toEqual(example.payload);
    },
  );

  it.each([
    [
      'a contact in clear next to the sealed one',
      'LeadRecorded',
      (p: Payload) => (p.data.contact = { firstName: 'Priya', lastName: 'Shah' }),
      'data.contact',
    ],
    [
      'a nullable field left out instead of null',
      'LeadRecorded',
      (p: Payload) => delete p.data.externalReference,
      'data.externalReference',
    ],
    [
      'an internal source without its publisher',
      'LeadRecorded',
      (p: Payload) => (p.data.source = { channel: 'internal' }),
      'data.source',
    ],
    [
      'an HTTP source naming a publisher',
      'LeadRecorded',
      (p: Payload) => (p.data.source = { channel: 'http', publisher: 'acme.crm' }),
      'data.source',
    ],
    [
      'sealed data under another cipher',
      'LeadRecorded',
      (p: Payload) => Object.assign(p.data.personal as object, { alg: 'A128CBC-HS256' }),
      'data.personal.alg',
    ],
    [
      'a nonce that is not 12 bytes of base64url',
      'LeadRecorded',
      (p: Payload) => Object.assign(p.data.personal as object, { iv: 'Y3/V6XO9anGexq7s==' }),
      'data.personal.iv',
    ],
    [
      'a rejection code nobody defined',
      'LeadRejected',
      (p: Payload) => Object.assign(p.data.rejection as object, { code: 'TOO_EARLY' }),
      'data.rejection.code',
    ],
    [
      'a duplicate link matching on nothing',
      'LeadLinkedAsDuplicate',
      (p: Payload) => Object.assign(p.data.duplicateOf as object, { matchedOn: [] }),
      'data.duplicateOf.matchedOn',
    ],
    [
      'an actor of an unknown kind',
      'ReferralAccepted',
      (p: Payload) => (p.data.acceptedBy = { type: 'robot', id: 'r2' }),
      'data.acceptedBy.type',
    ],
    [
      'delivery among the status billing points',
      'LeadStatusChanged',
      (p: Payload) => (p.data.billingPointsReached = ['delivered']),
      'data.billingPointsReached',
    ],
    [
      'a partner id with a space',
      'LeadAllocated',
      (p: Payload) => (p.data.partnerId = 'partner 1'),
      'data.partnerId',
    ],
    [
      'an erasure without who erased',
      'LeadPersonalDataErased',
      (p: Payload) => delete p.data.erasedBy,
      'data.erasedBy',
    ],
    [
      'a lead type routed by a method nobody defined',
      'LeadTypeDefined',
      (p: Payload) => (p.data.routingMethod = 'random'),
      'data.routingMethod',
    ],
    [
      'a null routing method (absent is how an event says it has none)',
      'LeadTypeChanged',
      (p: Payload) => (p.data.routingMethod = null),
      'data.routingMethod',
    ],
  ])('refuses %s', (_case, type, change, path) => {
    const result = parseChanged(type, change);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((problem) => problem.path)).toContain(path);
  });
});
