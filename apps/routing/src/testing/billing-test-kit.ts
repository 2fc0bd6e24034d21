import { randomUUID } from 'node:crypto';
import type { ServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually, plainKafka } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { type Producer, Partitioners } from 'kafkajs';
import type { PartnerFundsAnswer } from '../queries/partner-funds/partner-funds';

/** A partner's account as the test moves it, the way billing keeps it: one version per movement. */
interface TestAccount {
  version: number;
  balance: number;
}

/**
 * Moves partners' accounts the way the billing service publishes them on
 * `leadrail.billing.v1` (contracts in libs/billing/contracts), switches a
 * partner to pre-pay as the partners service announces it, and reads the
 * funds routing decides with.
 */
export class BillingTestKit {
  private readonly accounts = new Map<string, TestAccount>();

  private constructor(
    private readonly service: ServiceUnderTest,
    private readonly producer: Producer,
  ) {}

  static async for(service: ServiceUnderTest): Promise<BillingTestKit> {
    const producer = plainKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    return new BillingTestKit(service, producer);
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }

  /** A partner event as the partners relay publishes it. */
  partnerEvent(partnerId: string, type: string, data: object): Promise<void> {
    return this.send(Topics.partners, 'leadrail.partners', partnerId, type, {
      partnerId,
      ...data,
    });
  }

  /** The partner pays in advance from now on; waits until routing knows it. */
  async makePrePay(partnerId: string): Promise<void> {
    await this.partnerEvent(partnerId, 'PaymentModeChanged', { payment: { mode: 'pre-pay' } });
    await expectEventually(async () => {
      expect((await this.funds(partnerId)).payment.mode).toBe('pre-pay');
    });
  }

  /** An operator's payment into the account; returns the account version after it. */
  credit(partnerId: string, amount: number): Promise<number> {
    return this.move(partnerId, amount, (account) => ({
      type: 'PartnerAccountCredited',
      data: {
        kind: 'payment',
        amount: { amount, currency: 'GBP' },
        leadId: null,
        reference: `test payment ${account.version}`,
        reason: null,
        actor: { type: 'operator', id: 'tests' },
      },
    }));
  }

  /** An operator's adjustment out of the account. */
  debit(partnerId: string, amount: number): Promise<number> {
    return this.move(partnerId, -amount, () => ({
      type: 'PartnerAccountDebited',
      data: {
        kind: 'adjustment',
        amount: { amount, currency: 'GBP' },
        reference: null,
        reason: 'test adjustment',
        actor: { type: 'operator', id: 'tests' },
      },
    }));
  }

  /** The lead's charge at the partner's billing point. */
  charge(partnerId: string, leadId: string, amount: number): Promise<number> {
    return this.move(partnerId, -amount, () => ({
      type: 'PartnerCharged',
      data: { leadId, amount: { amount, currency: 'GBP' }, billingPoint: 'delivery' },
    }));
  }

  /** GET /routing/partners/:id/funds with the test administrator's token. */
  async funds(partnerId: string): Promise<PartnerFundsAnswer> {
    const response = await fetch(`${this.service.url}/routing/partners/${partnerId}/funds`, {
      headers: { authorization: `Bearer ${this.service.tokens.admin}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as PartnerFundsAnswer;
  }

  /** Waits until routing has read the account at `version`, and returns what it sees. */
  async fundsAt(partnerId: string, version: number): Promise<PartnerFundsAnswer> {
    return expectEventually(async () => {
      const funds = await this.funds(partnerId);
      expect(funds.account?.accountVersion).toBe(version);
      return funds;
    });
  }

  private async move(
    partnerId: string,
    change: number,
    movement: (account: TestAccount) => { type: string; data: object },
  ): Promise<number> {
    const before = this.accounts.get(partnerId) ?? { version: 0, balance: 0 };
    const after = { version: before.version + 1, balance: before.balance + change };
    this.accounts.set(partnerId, after);
    const { type, data } = movement(after);
    await this.send(Topics.billing, 'leadrail.billing', partnerId, type, {
      partnerId,
      accountVersion: after.version,
      balanceAfter: { amount: after.balance, currency: 'GBP' },
      recordedAt: new Date().toISOString(),
      ...data,
    });
    return after.version;
  }

  private async send(
    topic: string,
    source: string,
    key: string,
    type: string,
    data: object,
  ): Promise<void> {
    const eventId = randomUUID();
    const event = {
      eventId,
      type,
      version: 1,
      occurredAt: new Date().toISOString(),
      correlationId: eventId,
      causationId: eventId,
      source,
      data,
    };
    await this.producer.send({
      topic,
      acks: -1,
      messages: [{ key, value: JSON.stringify(event) }],
    });
  }
}
