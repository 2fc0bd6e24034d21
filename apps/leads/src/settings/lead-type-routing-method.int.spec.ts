import { randomUUID } from 'node:crypto';
import { parseIntegrationEvent } from '@leadrail/integration-events';
import { leadTypeKey, leadsRegistry } from '@leadrail/leads-contracts';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { findMessage } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { leadsService } from '../leads.service';
import { LeadsTestKit } from '../testing/leads-test-kit';

type LeadTypeView = { slug: string; name: string; active: boolean; routingMethod: string };
type Refusal = { errors?: { field: string; messages: string[] }[] };

/** A lead type of this test's own. */
function slug(): string {
  return `rm-${randomUUID().slice(0, 8)}`;
}

/** The data of the lead type's `type` event the leads relay published, parsed against its contract. */
async function publishedData(type: string, leadType: string) {
  const message = await findMessage(
    Topics.leads,
    (read) => read.key === leadTypeKey(leadType) && read.headers['leadrail-event-type'] === type,
    30_000,
  );
  const parsed = parseIntegrationEvent(message.value ?? '', leadsRegistry);
  return parsed.ok ? { ...parsed.event.data } : parsed.message;
}

describe("a lead type's routing method (operators' lead settings)", () => {
  let service: ServiceUnderTest;
  let kit: LeadsTestKit;

  beforeAll(async () => {
    service = await startServiceUnderTest(leadsService);
    kit = await LeadsTestKit.for(service);
  });

  afterAll(async () => {
    await kit?.close();
    await service?.stop();
  });

  async function leadType(type: string): Promise<LeadTypeView | undefined> {
    const { body } = await kit.operator('GET', '/lead-types');
    return (body as unknown as LeadTypeView[]).find((entry) => entry.slug === type);
  }

  it('is round-robin unless the type is defined with another, and is published with the type', async () => {
    const plain = slug();
    const weighted = slug();

    expect(await kit.operator('POST', '/lead-types', { slug: plain, name: 'Plain' })).toMatchObject(
      { status: 201, body: { changed: true } },
    );
    const defined = await kit.operator('POST', '/lead-types', {
      slug: weighted,
      name: 'Weighted',
      routingMethod: 'weighted',
    });
    expect(defined).toMatchObject({ status: 201, body: { changed: true } });

    expect(await leadType(plain)).toEqual({
      slug: plain,
      name: 'Plain',
      active: true,
      routingMethod: 'round-robin',
    });
    expect(await leadType(weighted)).toMatchObject({ routingMethod: 'weighted' });
    const settings = await kit.operator('GET', '/lead-settings');
    expect(settings.body['leadTypes']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ slug: weighted, routingMethod: 'weighted' }),
      ]),
    );

    // Recorded in the settings stream and published on leadrail.leads.v1.
    const stored = await kit.stream('leadSettings-current');
    const storedForType = stored
      .filter((event) => event.data['slug'] === weighted)
      .map((event) => ({ type: event.type, routingMethod: event.data['routingMethod'] }));
    expect(storedForType).toEqual([{ type: 'LeadTypeDefined', routingMethod: 'weighted' }]);
    expect(await publishedData('LeadTypeDefined', weighted)).toMatchObject({
      slug: weighted,
      routingMethod: 'weighted',
    });
    expect(await publishedData('LeadTypeDefined', plain)).toMatchObject({
      routingMethod: 'round-robin',
    });

    // The same definition again changes nothing; another method is a change, not a definition.
    const again = await kit.operator('POST', '/lead-types', {
      slug: weighted,
      name: 'Weighted',
      routingMethod: 'weighted',
    });
    expect(again).toMatchObject({ status: 200, body: { changed: false } });
    const redefined = await kit.operator('POST', '/lead-types', {
      slug: weighted,
      name: 'Weighted',
      routingMethod: 'round-robin',
    });
    expect(redefined.status).toBe(409);
  });

  it('is changed with PATCH, keeping the rest, and the change is published whole', async () => {
    const type = slug();
    await kit.operator('POST', '/lead-types', { slug: type, name: 'Switching' });

    const changed = await kit.operator('PATCH', `/lead-types/${type}`, {
      routingMethod: 'weighted',
    });
    expect(changed).toMatchObject({ status: 200, body: { changed: true } });
    expect(await leadType(type)).toEqual({
      slug: type,
      name: 'Switching',
      active: true,
      routingMethod: 'weighted',
    });
    expect(await publishedData('LeadTypeChanged', type)).toMatchObject({
      slug: type,
      name: 'Switching',
      active: true,
      routingMethod: 'weighted',
    });

    // Deactivating leaves the method as it is; the same method again changes nothing.
    await kit.operator('PATCH', `/lead-types/${type}`, { active: false });
    expect(await leadType(type)).toMatchObject({ active: false, routingMethod: 'weighted' });
    const same = await kit.operator('PATCH', `/lead-types/${type}`, { routingMethod: 'weighted' });
    expect(same).toMatchObject({ status: 200, body: { changed: false } });
  });

  it.each<[string, unknown]>([
    ['an unknown method', 'random'],
    ['another spelling', 'Weighted'],
    ['null', null],
    ['a number', 1],
    ['a list', ['weighted']],
  ])('refuses %s with a 400 naming routingMethod, and records nothing', async (_case, value) => {
    const type = slug();
    const define = await kit.operator('POST', '/lead-types', {
      slug: type,
      name: 'Refused',
      routingMethod: value,
    });
    expect(define.status).toBe(400);
    expect((define.body as Refusal).errors).toEqual([
      {
        field: 'routingMethod',
        messages: [expect.stringContaining('round-robin, weighted')],
      },
    ]);
    expect(await leadType(type)).toBeUndefined();

    await kit.operator('POST', '/lead-types', { slug: type, name: 'Refused' });
    const change = await kit.operator('PATCH', `/lead-types/${type}`, { routingMethod: value });
    expect(change.status).toBe(400);
    expect((change.body as Refusal).errors?.map((error) => error.field)).toEqual(['routingMethod']);
    expect(await leadType(type)).toMatchObject({ routingMethod: 'round-robin' });
  });
});
