import { randomUUID } from 'node:crypto';
import { mortgageLeadRecorded } from '@leadrail/leads-contracts';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { Client } from 'pg';
// Apps have no import alias: this test runs billing and notifications together, in one process.
/* eslint-disable @nx/enforce-module-boundaries */
import { billingService } from '../apps/billing/src/billing.service';
import { BillingTestKit, gbp } from '../apps/billing/src/testing/billing-test-kit';
import { notificationsService } from '../apps/notifications/src/notifications.service';
import { TwilioTestServer } from '../apps/notifications/src/twilio';
import { PublicGateway } from '../apps/notifications/src/twilio/testing/public-gateway';
/* eslint-enable @nx/enforce-module-boundaries */

jest.setTimeout(240_000);

interface LogRow {
  outcome: string;
  recipient: string | null;
  cost_amount: string | null;
  provider_status: string | null;
  reason: string | null;
}

/**
 * Issue #14's text alerts from real services over Kafka: a low-funds
 * crossing made by the real billing service and a referral as the leads
 * relay publishes it reach the local Twilio server once each (also when the
 * cause is redelivered, when Twilio's answer is lost, and when the
 * notifications service was down when the cause arrived), costed at the
 * operator's SMS rate, with Twilio's signed status callbacks recorded.
 */
describe('text alerts through Twilio', () => {
  let twilio: TwilioTestServer;
  let gateway: PublicGateway;
  let billing: ServiceUnderTest;
  let notifications: ServiceUnderTest;
  let kit: BillingTestKit;
  let db: Client;
  const group = `test-notifications-${randomUUID().slice(0, 8)}`;

  async function startNotifications(databaseUrl?: string): Promise<ServiceUnderTest> {
    const service = await startServiceUnderTest(notificationsService, {
      ...twilio.env(),
      PUBLIC_NOTIFICATIONS_URL: gateway.url,
      // Text commands are proven against the partners service in the Twilio tests.
      PARTNERS_URL: 'http://127.0.0.1:9',
      PARTNERS_TOKEN: 'partners-admin-token-unused-here',
      NOTIFICATIONS_POLL_MS: '100',
      NOTIFICATIONS_RETRY_BASE_MS: '200',
      KAFKA_GROUP_ID: group,
      ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl }),
    });
    gateway.target = service.url;
    return service;
  }

  beforeAll(async () => {
    twilio = await TwilioTestServer.start();
    gateway = await PublicGateway.start();
    billing = await startServiceUnderTest(billingService);
    notifications = await startNotifications();
    kit = await BillingTestKit.for(billing);
    db = new Client({ connectionString: notifications.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await kit?.close();
    await notifications?.stop();
    await billing?.stop();
    await gateway?.stop();
    await twilio?.stop();
  });

  /** The partner as billing and notifications know it, with its own phone number. */
  async function partner(phone: string | null): Promise<string> {
    const partnerId = await kit.partner({ mode: 'pre-pay', threshold: 1000 });
    await kit.partnerEvent(partnerId, 'ContactDetailsChanged', {
      contact: { phone, email: 'alerts@example.com', transferPhone: null },
    });
    await expectEventually(async () => {
      const { rows } = await db.query<{ phone: string | null }>(
        'SELECT phone FROM notifications.notification_partners WHERE partner_id = $1',
        [partnerId],
      );
      expect(rows).toEqual([{ phone }]);
    });
    return partnerId;
  }

  const textsTo = (phone: string) => twilio.messages.filter((message) => message.to === phone);

  async function logOf(partnerId: string): Promise<LogRow[]> {
    const { rows } = await db.query<LogRow>(
      `SELECT outcome, recipient, cost_amount, provider_status, reason
         FROM notifications.notification_log WHERE partner_id = $1`,
      [partnerId],
    );
    return rows;
  }

  it('texts a low-funds crossing made by billing once, costed, with its delivery status', async () => {
    const phone = '+447700900101';
    const partnerId = await partner(phone);
    await kit.post(`/billing/partners/${partnerId}/payments`, {
      amount: gbp(3000),
      reference: `pay ${partnerId}`,
    });
    const leadId = randomUUID();
    await kit.leadRouted(leadId, partnerId, 2500);
    await kit.delivered(leadId, partnerId);

    await expectEventually(async () => {
      expect(await logOf(partnerId)).toEqual([
        {
          outcome: 'sent',
          recipient: phone,
          cost_amount: '5',
          provider_status: 'delivered',
          reason: null,
        },
      ]);
    });
    const texts = textsTo(phone);
    expect(texts).toHaveLength(1);
    expect(texts[0]!.body).toContain('£5.00');
    expect(texts[0]!.body).toContain('£10.00');
  });

  it('texts a referral once, though the referral is published twice', async () => {
    const phone = '+447700900102';
    const partnerId = await partner(phone);
    const leadId = await referredLead(partnerId, 2);
    await expectEventually(async () => {
      expect((await logOf(partnerId)).map((row) => row.outcome)).toEqual(['sent']);
    });
    // Given time for a second send that must not happen.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const texts = textsTo(phone);
    expect(texts).toHaveLength(1);
    expect(texts[0]!.body).toContain('mortgage');
    expect(texts[0]!.body).not.toContain(leadId);
  });

  it("sends once when Twilio's answer is lost: the message is looked up, not sent again", async () => {
    const phone = '+447700900103';
    const partnerId = await partner(phone);
    twilio.loseNextAnswer();
    await referredLead(partnerId, 1);
    await expectEventually(async () => {
      expect((await logOf(partnerId)).map((row) => row.outcome)).toEqual(['sent']);
    });
    expect(textsTo(phone)).toHaveLength(1);
  });

  it('sends once what arrived while the service was down, after it starts again', async () => {
    const phone = '+447700900104';
    const partnerId = await partner(phone);
    const databaseUrl = notifications.database.url;
    // Stopped without dropping its database: the next instance takes over the same state.
    await notifications.app.close();
    await referredLead(partnerId, 2);
    const restarted = await startNotifications(databaseUrl);
    try {
      await expectEventually(async () => {
        expect((await logOf(partnerId)).map((row) => row.outcome)).toEqual(['sent']);
      });
      expect(textsTo(phone)).toHaveLength(1);
    } finally {
      notifications = restarted;
    }
  });

  it('records a skipped alert for a partner with no phone number, and sends nothing', async () => {
    const partnerId = await partner(null);
    await referredLead(partnerId, 1);
    await expectEventually(async () => {
      expect(await logOf(partnerId)).toMatchObject([{ outcome: 'skipped', reason: 'no-phone' }]);
    });
  });

  /** A lead recorded and referred to the partner as the leads relay publishes them (`times` times). */
  async function referredLead(partnerId: string, times: number): Promise<string> {
    const leadId = randomUUID();
    await kit.publish(Topics.leads, 'leadrail.leads', leadId, 'LeadRecorded', {
      ...mortgageLeadRecorded.payload.data,
      leadId,
    });
    const now = Date.now();
    const referred = await kit.leadEvent(leadId, partnerId, 'LeadReferred', {
      referredAt: new Date(now).toISOString(),
      expiresAt: new Date(now + 3_600_000).toISOString(),
    });
    for (let again = 1; again < times; again++) {
      await kit.resend(Topics.leads, leadId, referred);
    }
    return leadId;
  }
});
