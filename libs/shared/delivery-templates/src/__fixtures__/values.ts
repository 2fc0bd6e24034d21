import { type TemplateInput, templateValues } from '../values/template-values';
import type { TemplateValues } from '../values/template-value';

/** A complete lead, as the delivery service would describe it. */
export const SAMPLE_INPUT: TemplateInput = {
  lead: {
    id: '6f1c2b7e-3d4a-4f8b-9c2d-1e5f7a9b0c3d',
    type: 'mortgage',
    receivedAt: '2025-07-01T09:30:00Z',
    externalReference: 'INTRO-00042',
    firstName: 'Jane',
    lastName: 'Doe',
    email: 'jane.doe@example.com',
    phone: '+447700900123',
    address: { line1: '1 High Street', city: 'London', postcode: 'SW1A 1AA', country: 'GB' },
    answers: { first_time_buyer: true, notes: 'call after 6', property_value: 350000 },
    value: { amount: 1250, currency: 'GBP' },
  },
  partner: { id: '0b7e8f7a-2c1d-4e5f-8a9b-0c1d2e3f4a5b', name: 'Acme', timeZone: 'Europe/London' },
  introducer: { id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', name: 'Best Leads Ltd' },
  delivery: { id: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a', attempt: 2 },
  now: new Date('2025-07-01T09:31:05.250Z'),
};

/** Template values of {@link SAMPLE_INPUT}, with some fields replaced. */
export function sampleValues(overrides: TemplateValues = {}): TemplateValues {
  return { ...templateValues(SAMPLE_INPUT), ...overrides };
}
