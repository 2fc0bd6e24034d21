import { Topics } from '@leadrail/topics';
import { IsInt, IsString, IsUUID, Length, Min } from 'class-validator';
import { defineIntegrationEvent } from '../definition';
import { Money } from '../money';
import { NestedObject } from '../rules/nested-object';
import { Optional } from '../rules/optional';
import { IntegrationEventRegistry } from '../registry';

// A test-only event exercising what LeadReceived does not: money, arrays of
// nested objects and integers.

export class ChargeLine {
  @IsString()
  @Length(1, 40)
  sku!: string;

  @IsInt()
  @Min(1)
  quantity!: number;
}

export class ChargeRecordedData {
  @IsUUID()
  chargeId!: string;

  @NestedObject(() => Money)
  price!: Money;

  @NestedObject(() => ChargeLine, { each: true })
  lines!: ChargeLine[];

  @Optional()
  @IsString()
  note?: string;
}

export const chargeRecordedV1 = defineIntegrationEvent({
  type: 'ChargeRecorded',
  version: 1,
  topic: Topics.billing,
  data: ChargeRecordedData,
  description: 'A partner was charged for leads (test fixture).',
  key: { description: 'data.chargeId', of: (data) => data.chargeId },
  examples: [
    {
      name: 'two-lines',
      summary: 'A charge of GBP 37.50 for two lines.',
      payload: {
        eventId: '6f1c2a9e-3b7d-4c8e-9a15-2d4e6f8a0b1c',
        type: 'ChargeRecorded',
        version: 1,
        occurredAt: '2026-11-25T09:00:00.000Z',
        correlationId: '0e7b9c3d-5a2f-4b6e-8c1d-7f9a3e5b2c4d',
        causationId: '0e7b9c3d-5a2f-4b6e-8c1d-7f9a3e5b2c4d',
        source: 'leadrail.billing',
        data: {
          chargeId: 'a3c5e7f9-1b2d-4f6a-8c0e-2b4d6f8a0c1e',
          price: { amount: 3750, currency: 'GBP' },
          lines: [
            { sku: 'mortgage-lead', quantity: 1 },
            { sku: 'sms-alert', quantity: 2 },
          ],
        },
      },
    },
  ],
});

export const billingRegistry = new IntegrationEventRegistry([chargeRecordedV1]);

/** The fixture's example as a fresh plain object, to break in one test without touching others. */
export function validCharge(): Record<string, unknown> & { data: Record<string, unknown> } {
  const [example] = chargeRecordedV1.examples;
  if (!example) {
    throw new Error('the fixture has an example');
  }
  return structuredClone(example.payload) as unknown as Record<string, unknown> & {
    data: Record<string, unknown>;
  };
}
