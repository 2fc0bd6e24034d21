import { expectEventually, findMessage, plainKafka } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { type RunningSystem, type ServiceName, startRunningSystem } from './support/running-system';

// The services that subscribe to partner events: leads and routing keep views of
// partners (applying the types they use, skipping the others); the rest skip them all.
const SUBSCRIBERS: ServiceName[] = ['leads', 'routing', 'delivery', 'billing', 'notifications'];

/**
 * Across separate processes over Kafka: partner changes reach every service
 * that subscribes to them; leads and routing apply them, a service that
 * handles none of their types skips them (counted), and none is dead-lettered.
 */
describe('partner changes across the running system', () => {
  let system: RunningSystem | undefined;
  const running = (): RunningSystem => {
    if (!system) {
      throw new Error('the system is not running');
    }
    return system;
  };

  beforeAll(async () => {
    system = await startRunningSystem();
  }, 240_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  async function admin(method: string, path: string, body?: unknown, ifMatch?: string) {
    const response = await fetch(`${running().url('partners')}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${running().adminToken}`,
        'content-type': 'application/json',
        ...(ifMatch ? { 'if-match': ifMatch } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.status).toBeLessThan(300);
    return {
      etag: response.headers.get('etag') ?? '',
      body: (await response.json()) as { id: string },
    };
  }

  /** Partner events the service consumed, applied or skipped (never dead-lettered). */
  async function partnerEventsCounted(service: ServiceName): Promise<number> {
    const text = await (await fetch(`${running().url(service)}/metrics`)).text();
    return text
      .split('\n')
      .filter(
        (candidate) =>
          candidate.startsWith('leadrail_inbound_events_total{') &&
          candidate.includes(`topic="${Topics.partners}"`) &&
          /outcome="(handled|ignored)"/.test(candidate),
      )
      .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
  }

  it('reaches every subscriber, applied where used and skipped elsewhere, and dead-letters none', async () => {
    const created = await admin('POST', '/partners', {
      name: 'Journey Ltd',
      currency: 'GBP',
      partnerType: {
        introducer: false,
        partner: true,
        leadValue: { amount: 2500, currency: 'GBP' },
      },
    });
    const id = created.body.id;
    const limits = await admin(
      'PUT',
      `/partners/${id}/delivery-limits`,
      { daily: 5, monthly: 100 },
      created.etag,
    );
    await admin('POST', `/partners/${id}/pause`, undefined, limits.etag);

    // Registration, limits and pause: three events, counted by all five subscribers.
    await expectAllCounted(3);
    const deadLetters = await partnerDeadLettersFor(id);
    expect(deadLetters).toEqual([]);
  }, 120_000);

  it('stops every service and exits 0 on SIGTERM to the launcher', async () => {
    const stopping = running();
    system = undefined;
    expect(await stopping.stop()).toBe(0);
  }, 60_000);

  /**
   * Waits until every subscriber's consumer group has committed past the end
   * of the partners topic as it is now (so it has consumed these changes, and
   * whatever earlier tests published there), then checks each skipped at least
   * the changes' events.
   */
  async function expectAllCounted(events: number): Promise<void> {
    const kafka = plainKafka().admin();
    await kafka.connect();
    try {
      const ends = await kafka.fetchTopicOffsets(Topics.partners);
      await expectEventually(
        async () => {
          for (const service of SUBSCRIBERS) {
            const [committed] = await kafka.fetchOffsets({
              groupId: `leadrail-${service}`,
              topics: [Topics.partners],
            });
            for (const end of ends) {
              const offset = committed?.partitions.find(
                (p) => p.partition === end.partition,
              )?.offset;
              // At least the end read above: the relay may publish more (these changes) meanwhile.
              expect({
                service,
                partition: end.partition,
                caughtUp: Number(offset ?? -1) >= Number(end.high),
              }).toEqual({ service, partition: end.partition, caughtUp: true });
            }
          }
        },
        { timeoutMs: 90_000, intervalMs: 500 },
      );
    } finally {
      await kafka.disconnect();
    }
    await expectEventually(
      async () => {
        for (const service of SUBSCRIBERS) {
          expect(await partnerEventsCounted(service)).toBeGreaterThanOrEqual(events);
        }
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
  }

  /** Every dead letter on the partners topic's DLQ keyed by this partner, read up to the topic's end. */
  async function partnerDeadLettersFor(partnerId: string): Promise<string[]> {
    const admin = plainKafka().admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(`${Topics.partners}.dlq`);
    await admin.disconnect();
    const total = ends.reduce((sum, partition) => sum + Number(partition.high), 0);
    if (total === 0) {
      return [];
    }
    const found: string[] = [];
    let read = 0;
    await findMessage(`${Topics.partners}.dlq`, (message) => {
      read++;
      if (message.key === partnerId) {
        found.push(message.headers['leadrail-dlq-reason'] ?? '');
      }
      return read >= total;
    });
    return found;
  }
});
