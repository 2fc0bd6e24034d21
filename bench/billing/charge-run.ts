import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { waitUntil } from '@leadrail/local-infra';
import { Topics } from '@leadrail/topics';
import type { Producer } from 'kafkajs';
import { openModel } from '../event-store/measure';
import { processCpuSeconds } from '../routing/environment';
import type { BillingLog } from './billing-log';
import { type PublishedSale, publishSales, saleMessages } from './billing-setup';

export interface RunContext {
  producer: Producer;
  log: BillingLog;
  partnerIds: readonly string[];
  /** The billing process, for its CPU time. */
  servicePid: number;
  /** Leads per send in a burst. */
  chunk: number;
}

/** Per lead, ms. */
export interface ChargeLatencies {
  /** LeadDelivered published → PartnerCharged recorded (its `recorded_at`). */
  toCharge: number[];
  /**
   * LeadDelivered published → the charging handler's transaction began for
   * the later of the lead's two events (its inbox row): the one that charges,
   * whichever topic it came on.
   */
  toHandler: number[];
  /** That transaction began → PartnerCharged recorded. */
  handling: number[];
  /** The send carrying LeadDelivered, until acknowledged (acks=all). */
  publishAck: number[];
}

export interface ChargeRun {
  leads: number;
  charged: number;
  /** Leads never charged within the run's time-out. */
  missing: number;
  /** First publish → last charge recorded. */
  seconds: number;
  chargesPerSecond: number;
  /** First send → last acknowledgement. */
  publishSeconds: number;
  latencies: ChargeLatencies;
  /** The billing process's CPU (user + system, all threads) per charge, ms. */
  cpuPerCharge: number;
  /** Transactions committed and rolled back in the database per charge (approximate). */
  commitsPerCharge: number;
  rollbacksPerCharge: number;
}

/** Where a run starts: the log's end, the service's CPU, the database's counters. */
interface Start {
  position: bigint;
  cpu: number;
  counters: { commits: number; rollbacks: number };
}

/**
 * Idle backends flush their statistics within 10 s (busy ones about once a
 * second): waited for before a run's counters are read, at either end, so
 * that only the run's own transactions fall between them.
 */
const STATS_FLUSH_MS = 11_000;

async function startOf(context: RunContext): Promise<Start> {
  await sleep(STATS_FLUSH_MS);
  return {
    position: await context.log.end(),
    cpu: processCpuSeconds(context.servicePid),
    counters: await context.log.counters(),
  };
}

/**
 * A burst: `count` sales published as fast as the broker takes them (each
 * lead's LeadRouted and LeadDelivered together, `chunk` leads a send), then
 * waits until billing's log holds a `PartnerCharged` for every one.
 */
export async function burstRun(
  context: RunContext,
  count: number,
  timeoutSeconds: number,
): Promise<ChargeRun> {
  const start = await startOf(context);
  const sales = await publishSales(context.producer, context.partnerIds, count, context.chunk);
  return outcome(context, sales, start, timeoutSeconds);
}

/**
 * A steady rate: every lead's LeadRouted published first (and handled: its
 * sale priced), then each LeadDelivered on its own send when due (an open
 * model, `rate` per second for `seconds`), its publish time the time it was
 * due. The charge is then the only work each LeadDelivered leaves.
 */
export async function steadyRun(
  context: RunContext,
  rate: number,
  seconds: number,
  timeoutSeconds: number,
): Promise<ChargeRun> {
  const count = Math.round(rate * seconds);
  const leads = Array.from({ length: count }, (_, index) => {
    const leadId = randomUUID();
    const partnerId = context.partnerIds[index % context.partnerIds.length]!;
    return { leadId, partnerId, ...saleMessages(leadId, partnerId) };
  });
  for (let from = 0; from < count; from += context.chunk) {
    await context.producer.send({
      topic: Topics.routing,
      acks: -1,
      messages: leads.slice(from, from + context.chunk).map((lead) => lead.routed),
    });
  }
  const leadIds = leads.map((lead) => lead.leadId);
  await waitUntil(async () => (await context.log.salesPriced(leadIds)) === count, {
    what: `billing to price the ${count} sales`,
    timeoutMs: timeoutSeconds * 1000,
    intervalMs: 100,
  });
  const start = await startOf(context);
  const sales: PublishedSale[] = [];
  await openModel(rate, seconds, async (index, due) => {
    const lead = leads[index]!;
    await context.producer.send({ topic: Topics.leads, acks: -1, messages: [lead.delivered] });
    sales.push({
      leadId: lead.leadId,
      partnerId: lead.partnerId,
      routedEventId: lead.routedEventId,
      deliveredEventId: lead.deliveredEventId,
      deliveredAt: performance.timeOrigin + due,
      ackedAt: performance.timeOrigin + performance.now(),
    });
  });
  return outcome(context, sales, start, timeoutSeconds);
}

/** Waits for every charge (or the time-out), then reads when each was handled and recorded. */
async function outcome(
  context: RunContext,
  sales: readonly PublishedSale[],
  start: Start,
  timeoutSeconds: number,
): Promise<ChargeRun> {
  const deadline = performance.now() + timeoutSeconds * 1000;
  while (
    (await context.log.chargesAfter(start.position)) < sales.length &&
    performance.now() < deadline
  ) {
    await sleep(100);
  }
  const cpu = processCpuSeconds(context.servicePid) - start.cpu;
  await sleep(STATS_FLUSH_MS);
  const counters = await context.log.counters();
  const charges = new Map((await context.log.charges(start.position)).map((c) => [c.leadId, c.at]));
  const handled = await context.log.handledAt(
    sales.flatMap((sale) => [sale.routedEventId, sale.deliveredEventId]),
  );
  const latencies: ChargeLatencies = { toCharge: [], toHandler: [], handling: [], publishAck: [] };
  let first = Number.POSITIVE_INFINITY;
  let lastCharge = 0;
  let lastAck = 0;
  for (const sale of sales) {
    first = Math.min(first, sale.deliveredAt);
    lastAck = Math.max(lastAck, sale.ackedAt);
    latencies.publishAck.push(sale.ackedAt - sale.deliveredAt);
    const chargedAt = charges.get(sale.leadId);
    const routedAt = handled.get(sale.routedEventId);
    const deliveredAt = handled.get(sale.deliveredEventId);
    const handlerAt =
      routedAt === undefined || deliveredAt === undefined
        ? undefined
        : Math.max(routedAt, deliveredAt);
    if (chargedAt !== undefined) {
      lastCharge = Math.max(lastCharge, chargedAt);
      latencies.toCharge.push(chargedAt - sale.deliveredAt);
    }
    if (handlerAt !== undefined) {
      latencies.toHandler.push(handlerAt - sale.deliveredAt);
      if (chargedAt !== undefined) {
        latencies.handling.push(chargedAt - handlerAt);
      }
    }
  }
  const charged = latencies.toCharge.length;
  const seconds = (lastCharge - first) / 1000;
  return {
    leads: sales.length,
    charged,
    missing: sales.length - charged,
    seconds,
    chargesPerSecond: charged / seconds,
    publishSeconds: (lastAck - first) / 1000,
    latencies,
    cpuPerCharge: (cpu * 1000) / Math.max(1, charged),
    commitsPerCharge: (counters.commits - start.counters.commits) / Math.max(1, charged),
    rollbacksPerCharge: (counters.rollbacks - start.counters.rollbacks) / Math.max(1, charged),
  };
}
