import { randomUUID } from 'node:crypto';
import { parseIntegrationEvent } from '@leadrail/integration-events';
import { partnersRegistry } from '@leadrail/partners-contracts';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually, plainKafka } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { partnersService } from '../partners.service';

/**
 * Every setting route of the specification, once each, chained by ETag: each
 * change is accepted with the revision just read and shows in the settings.
 */
describe('partner settings routes', () => {
  let service: ServiceUnderTest;

  beforeAll(async () => {
    service = await startServiceUnderTest(partnersService);
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('applies each setting with If-Match and reflects it in the partner', async () => {
    const send = async (method: string, path: string, body?: unknown, ifMatch?: string) => {
      const response = await fetch(`${service.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${service.tokens.admin}`,
          'content-type': 'application/json',
          ...(ifMatch ? { 'if-match': ifMatch } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return {
        status: response.status,
        etag: response.headers.get('etag')!,
        body: (await response.json()) as Record<string, unknown>,
      };
    };
    const created = await send('POST', '/partners', {
      name: 'Walkthrough Ltd',
      currency: 'GBP',
      partnerType: { introducer: true, partner: false, leadCost: { amount: 300, currency: 'GBP' } },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    let etag = created.etag;
    const gbp = (amount: number) => ({ amount, currency: 'GBP' });
    const day = { enabled: true, from: '22:00', to: '06:00' };
    const steps: [string, string, unknown][] = [
      ['PUT', 'name', { name: 'Walkthrough Group Ltd' }],
      [
        'PUT',
        'type',
        { introducer: true, partner: true, leadCost: gbp(300), leadValue: gbp(1500) },
      ],
      ['PUT', 'lead-cost', gbp(350)],
      ['PUT', 'lead-value', gbp(1600)],
      [
        'PUT',
        'portal-access',
        { level: 'leads-and-reports', requireReferralAcceptance: true, mayUpdateLeadStatus: true },
      ],
      ['PUT', 'payment-mode', { mode: 'post-pay', creditLimit: gbp(50_000) }],
      ['PUT', 'billing-point', { billingPoint: 'acceptance' }],
      [
        'PUT',
        'delivery',
        {
          email: true,
          internet: {
            method: 'json',
            url: 'https://api.walkthrough.example/leads',
            bodyTemplate: '{"id": "{{ lead.id }}", "name": "{{ lead.full_name }}"}',
            headers: { 'X-Api-Key': 'k-1' },
          },
        },
      ],
      ['PUT', 'delivery-limits', { daily: 5, monthly: 100 }],
      [
        'PUT',
        'schedule',
        {
          timeZone: 'Europe/London',
          days: {
            mon: day,
            tue: day,
            wed: day,
            thu: day,
            fri: day,
            sat: { ...day, enabled: false },
            sun: { ...day, enabled: false },
          },
        },
      ],
      [
        'PUT',
        'contact-details',
        {
          phone: '+447700900123',
          email: 'ops@walkthrough.example',
          transferPhone: '+442079460000',
        },
      ],
      ['PUT', 'text-alerts', { onReferral: true, onLowFunds: true }],
      ['PUT', 'low-funds-threshold', gbp(5_000)],
      ['POST', 'deactivate', { reason: 'Paused contract' }],
      ['POST', 'reactivate', undefined],
    ];
    for (const [method, route, body] of steps) {
      const changed = await send(method, `/partners/${id}/${route}`, body, etag);
      expect({ route, status: changed.status, changed: changed.body.changed }).toEqual({
        route,
        status: 200,
        changed: true,
      });
      expect(BigInt(changed.etag.replace(/"/g, ''))).toBe(BigInt(etag.replace(/"/g, '')) + 1n);
      etag = changed.etag;
    }

    const partner = await send('GET', `/partners/${id}`);
    expect(partner.etag).toBe(etag);
    expect(partner.body).toMatchObject({ name: 'Walkthrough Group Ltd', status: 'active' });
    expect(partner.body.settings).toMatchObject({
      partnerType: { introducer: true, partner: true, leadCost: gbp(350), leadValue: gbp(1600) },
      portalAccess: {
        level: 'leads-and-reports',
        requireReferralAcceptance: true,
        mayUpdateLeadStatus: true,
      },
      payment: { mode: 'post-pay', creditLimit: gbp(50_000) },
      billingPoint: 'acceptance',
      delivery: { email: true, internet: { method: 'json', headers: { 'X-Api-Key': 'k-1' } } },
      limits: { daily: 5, monthly: 100 },
      schedule: { timeZone: 'Europe/London' },
      contact: { phone: '+447700900123', transferPhone: '+442079460000' },
      textAlerts: { onReferral: true, onLowFunds: true },
      lowFundsThreshold: gbp(5_000),
    });

    // Every event the relay published for this partner is valid against the published contracts.
    const published = await publishedFor(id, steps.length + 1);
    const parsed = published.map((value) => parseIntegrationEvent(value, partnersRegistry));
    expect(parsed.filter((result) => !result.ok)).toEqual([]);
    expect(new Set(parsed.map((result) => (result.ok ? result.event.type : '')))).toEqual(
      new Set([
        'PartnerRegistered',
        'PartnerRenamed',
        'PartnerTypeChanged',
        'LeadCostSet',
        'LeadValueSet',
        'PortalAccessChanged',
        'PaymentModeChanged',
        'BillingPointChanged',
        'DeliveryConfigured',
        'DeliveryLimitsChanged',
        'DeliveryScheduleChanged',
        'ContactDetailsChanged',
        'TextAlertsChanged',
        'LowFundsThresholdChanged',
        'PartnerDeactivated',
        'PartnerReactivated',
      ]),
    );
  });
});

/** The values published on the partners topic under one partner's key, once `count` have arrived. */
async function publishedFor(partnerId: string, count: number): Promise<Buffer[]> {
  const consumer = plainKafka().consumer({ groupId: `contract-check-${randomUUID()}` });
  const values: Buffer[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic: Topics.partners, fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => {
      if (message.key?.toString() === partnerId && message.value) {
        values.push(message.value);
      }
      return Promise.resolve();
    },
  });
  try {
    await expectEventually(() => expect(values.length).toBeGreaterThanOrEqual(count), {
      timeoutMs: 30_000,
    });
  } finally {
    await consumer.disconnect();
  }
  return values;
}
