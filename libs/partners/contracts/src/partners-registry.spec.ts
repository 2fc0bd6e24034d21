import { parseIntegrationEvent } from '@leadrail/integration-events';
import { Topics } from '@leadrail/topics';
import { partnersRegistry } from './partners-registry';

const examples = partnersRegistry.definitions.flatMap((definition) =>
  definition.examples.map((example) => ({ definition, example })),
);

describe('partnersRegistry', () => {
  it('holds v1 of all 21 partner events, on the partners topic, keyed by partner id', () => {
    expect(partnersRegistry.definitions).toHaveLength(21);
    expect(partnersRegistry.topics()).toEqual([Topics.partners]);
    for (const { definition, example } of examples) {
      // The union of definitions only takes the intersection of their data; each takes its own.
      const key = definition.key as { of(data: object): string };
      expect(key.of(example.payload.data)).toBe(example.payload.data.partnerId);
    }
  });

  // What the relay writes for each domain event must parse: the examples are
  // shaped as the partners service emits them, nulls included.
  it.each(examples.map(({ example }) => [example.name, example] as const))(
    'accepts the example %s',
    (_name, example) => {
      const result = parseIntegrationEvent(JSON.stringify(example.payload), partnersRegistry);
      expect(result.ok ? '' : result.message).toBe('');
    },
  );

  it('refuses a nullable field that is missing instead of null', () => {
    const [example] = partnersRegistry.find('DeliveryConfigured', 1)?.examples ?? [];
    const payload = structuredClone(example?.payload) as unknown as { data: { delivery: object } };
    payload.data.delivery = { email: true };
    const result = parseIntegrationEvent(JSON.stringify(payload), partnersRegistry);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain('data.delivery.internet');
  });

  it('refuses a null where the domain never writes one', () => {
    const [example] = partnersRegistry.find('LeadCostSet', 1)?.examples ?? [];
    const payload = structuredClone(example?.payload) as unknown as { data: { leadCost: unknown } };
    payload.data.leadCost = null;
    expect(parseIntegrationEvent(JSON.stringify(payload), partnersRegistry).ok).toBe(false);
  });

  it.each([
    ['an ordering operator with text', { field: 'age', operator: 'gt', value: '30' }],
    ['in with one value instead of a list', { field: 'job', operator: 'in', value: 'employed' }],
    ['eq with a list', { field: 'job', operator: 'eq', value: ['employed'] }],
    ['an operator nobody defined', { field: 'job', operator: 'like', value: 'employed' }],
    ['an answer key that is not lower_snake_case', { field: 'Job', operator: 'eq', value: 'x' }],
  ])('refuses a criterion with %s', (_case, criterion) => {
    const [example] = partnersRegistry.find('LeadTypesBoughtChanged', 1)?.examples ?? [];
    const payload = structuredClone(example?.payload) as unknown as {
      data: { leadTypes: { criteria: unknown[] }[] };
    };
    payload.data.leadTypes[0]!.criteria = [criterion];
    const result = parseIntegrationEvent(JSON.stringify(payload), partnersRegistry);
    expect(result.ok ? '' : result.message).toContain('data.leadTypes[0].criteria[0]');
  });

  it('refuses a postcode in lower case or a full postcode', () => {
    const [example] = partnersRegistry.find('LeadTypesBoughtChanged', 1)?.examples ?? [];
    for (const postcode of ['sw', 'SW1A 1AA']) {
      const payload = structuredClone(example?.payload) as unknown as {
        data: { leadTypes: { postcodes: string[] }[] };
      };
      payload.data.leadTypes[0]!.postcodes = [postcode];
      const result = parseIntegrationEvent(JSON.stringify(payload), partnersRegistry);
      expect(result.ok ? '' : result.message).toContain('data.leadTypes[0].postcodes');
    }
  });

  it('takes a lead type bought with or without a weight, but only a whole number from 1 to 100', () => {
    const [example] = partnersRegistry.find('LeadTypesBoughtChanged', 1)?.examples ?? [];
    const withWeight = (weight: unknown) => {
      const payload = structuredClone(example?.payload) as unknown as {
        data: { leadTypes: { weight?: unknown }[] };
      };
      payload.data.leadTypes[0]!.weight = weight;
      return parseIntegrationEvent(JSON.stringify(payload), partnersRegistry);
    };
    for (const weight of [undefined, 1, 3, 100]) {
      const result = withWeight(weight);
      expect(result.ok ? '' : result.message).toBe('');
    }
    for (const weight of [0, 101, 2.5, '3', null]) {
      const result = withWeight(weight);
      expect(result.ok ? '' : result.message).toContain('data.leadTypes[0].weight');
    }
  });

  describe("the internet delivery's soapAction, timeoutSeconds and outcome", () => {
    const [, soap] = partnersRegistry.find('DeliveryConfigured', 1)?.examples ?? [];
    const withInternet = (change: (internet: Record<string, unknown>) => void) => {
      const payload = structuredClone(soap?.payload) as unknown as {
        data: { delivery: { internet: Record<string, unknown> } };
      };
      change(payload.data.delivery.internet);
      return parseIntegrationEvent(JSON.stringify(payload), partnersRegistry);
    };

    it('parses an internet delivery without them, as published before they existed', () => {
      const result = withInternet((internet) => {
        delete internet.soapAction;
        delete internet.timeoutSeconds;
        delete internet.outcome;
      });
      expect(result.ok ? '' : result.message).toBe('');
    });

    it.each([
      ['soapAction', '', 'data.delivery.internet.soapAction'],
      ['soapAction', 'urn:"quoted"', 'data.delivery.internet.soapAction'],
      ['soapAction', null, 'data.delivery.internet.soapAction'],
      ['timeoutSeconds', 0, 'data.delivery.internet.timeoutSeconds'],
      ['timeoutSeconds', 61, 'data.delivery.internet.timeoutSeconds'],
      ['timeoutSeconds', 2.5, 'data.delivery.internet.timeoutSeconds'],
      ['timeoutSeconds', '10', 'data.delivery.internet.timeoutSeconds'],
      ['outcome', null, 'data.delivery.internet.outcome'],
      ['outcome', { rules: [] }, 'data.delivery.internet.outcome.partnerReference'],
    ])('refuses %s %p', (field, value, path) => {
      const result = withInternet((internet) => {
        internet[field] = value;
      });
      expect(result.ok ? '' : result.message).toContain(path);
    });

    it.each([
      ['an unknown test', { test: 'jq' }, 'test'],
      ['an unknown meaning', { means: 'error' }, 'means'],
      ['a blank pattern', { pattern: ' ' }, 'pattern'],
      ['equals left out instead of null', { equals: undefined }, 'equals'],
    ])('refuses a rule with %s', (_case, change, field) => {
      const result = withInternet((internet) => {
        const outcome = internet.outcome as { rules: Record<string, unknown>[] };
        outcome.rules[0] = { ...outcome.rules[0], ...change };
      });
      expect(result.ok ? '' : result.message).toContain(`data.delivery.internet.outcome.rules[0]`);
      expect(result.ok ? '' : result.message).toContain(field);
    });

    it('refuses more than 20 rules', () => {
      const result = withInternet((internet) => {
        const outcome = internet.outcome as { rules: unknown[] };
        outcome.rules = Array.from({ length: 21 }, () => outcome.rules[0]);
      });
      expect(result.ok ? '' : result.message).toContain('data.delivery.internet.outcome.rules');
    });
  });
});
