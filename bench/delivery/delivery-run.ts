import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Topics } from '@leadrail/topics';
import type { Kafka, Producer } from 'kafkajs';
import { percentile } from '../event-store/measure';
import { waitForConsumerGroup } from '../routing/consumer-caught-up';
import { processCpuSeconds } from '../routing/environment';
import { publishAllocations } from './allocation-publisher';
import type { DeliveryDatabase } from './delivery-database';
import type { DeliveryOutcomes } from './delivery-outcomes';
import type { DeliveryProcess } from './delivery-process';
import { prepareLeads } from './delivery-setup';
import type { LeadsKeys } from './leads-keys';
import type { PartnerEndpoint } from './partner-endpoint';
import { type SampledWork, ServiceSampler } from './service-sampler';

/** Per delivery, ms; each span from when the allocation was due unless said otherwise. */
export interface DeliveryLatencies {
  /** Allocation published → the request arrived at the partner: LeadRail's own time. */
  toArrival: number[];
  /** → StartDelivery's transaction began: the publish, Kafka, the consumer, earlier messages. */
  toHandler: number[];
  /** StartDelivery began → the attempt started: its commit, the wait for a poll round and a worker, the claim. */
  handlerToAttempt: number[];
  /** Attempt started → the request arrived: the lead's key, opening, rendering, connecting, sending. */
  attemptToArrival: number[];
  /** Request arrived → DeliverySucceeded received from leadrail.delivery.v1 (the 50 ms answer included). */
  arrivalToOutcome: number[];
  /** Allocation published → the broker acknowledged it (acks=all). */
  publishAck: number[];
  /** The attempt's duration as the service recorded it (key, request, answer). */
  attemptMs: number[];
}

export interface DeliveryRun {
  rate: number;
  seconds: number;
  published: number;
  publishErrors: number;
  /** Allocations published per second while the load ran. */
  achieved: number;
  latencies: DeliveryLatencies;
  /** Allocations due in each fifth of the run, in order: to arrival p50 / p99. */
  windows: { from: number; to: number; p50: number; p99: number; count: number }[];
  succeeded: number;
  /** Rejected or failed (none expected: the partner accepts every lead). */
  otherOutcomes: number;
  /** No outcome when the run was given up on. */
  missing: number;
  /** Requests the partner received in the run (more than deliveries would be repeats). */
  requests: number;
  /** Deliveries succeeded per second, from the first allocation due to the last success received. */
  completedPerSecond: number;
  /** Seconds from the last allocation due to the last request's arrival: what was left when the load ended. */
  backlogSeconds: number;
  /** The most requests in flight at the partner at once. */
  maxInFlight: number;
  work: SampledWork;
  /** The delivery process's CPU (all threads) per delivery, ms. */
  cpuPerDelivery: number;
}

export interface RunContext {
  kafka: Kafka;
  producer: Producer;
  service: DeliveryProcess;
  keys: LeadsKeys;
  endpoint: PartnerEndpoint;
  db: DeliveryDatabase;
  outcomes: DeliveryOutcomes;
  partnerIds: string[];
}

/**
 * One measured run: `rate × seconds` new leads prepared ahead (recorded,
 * routed; delivery's views hold them and its consumer is idle), then their
 * `LeadAllocated` at `rate` per second as an open model; waits until every
 * delivery's outcome is on `leadrail.delivery.v1` (at most
 * `drainTimeoutSeconds`), then reads what the service recorded.
 */
export async function deliveryRun(
  context: RunContext,
  rate: number,
  seconds: number,
  drainTimeoutSeconds: number,
): Promise<DeliveryRun> {
  const { endpoint, outcomes } = context;
  const leads = await prepareLeads(
    context.producer,
    context.db,
    context.keys,
    context.partnerIds,
    Math.round(rate * seconds),
  );
  await waitForConsumerGroup(context.kafka, context.service.groupId, [
    Topics.partners,
    Topics.leads,
    Topics.routing,
  ]);
  const requestsBefore = endpoint.requests;
  endpoint.takeMaxInFlight();
  const sampler = ServiceSampler.start(context.db, 250);
  const cpuBefore = processCpuSeconds(context.service.pid);
  const run = await publishAllocations(context.producer, leads, rate);
  const started = performance.now();
  while (
    run.allocations.some((allocation) => outcomes.of(allocation.leadId) === undefined) &&
    performance.now() - started < drainTimeoutSeconds * 1000
  ) {
    await sleep(100);
  }
  const cpu = processCpuSeconds(context.service.pid) - cpuBefore;
  const lastDue = run.allocations.reduce((max, allocation) => Math.max(max, allocation.dueAt), 0);
  const firstDue = run.allocations.reduce(
    (min, allocation) => Math.min(min, allocation.dueAt),
    Infinity,
  );
  const work = await sampler.stop(firstDue, lastDue);
  const timings = await context.db.timings(run.allocations);

  const latencies: DeliveryLatencies = {
    toArrival: [],
    toHandler: [],
    handlerToAttempt: [],
    attemptToArrival: [],
    arrivalToOutcome: [],
    publishAck: [],
    attemptMs: [],
  };
  const fifth = (lastDue - firstDue) / 5 || 1;
  const windows = Array.from({ length: 5 }, () => [] as number[]);
  let succeeded = 0;
  let otherOutcomes = 0;
  let missing = 0;
  let lastArrival = 0;
  let lastSuccess = 0;
  for (const allocation of run.allocations) {
    latencies.publishAck.push(allocation.ackMs);
    const arrival = endpoint.arrivalOf(allocation.deliveryId);
    const outcome = outcomes.of(allocation.leadId);
    const timing = timings.get(allocation.leadId);
    if (outcome === undefined) {
      missing++;
    } else if (outcome.type === 'DeliverySucceeded') {
      succeeded++;
      lastSuccess = Math.max(lastSuccess, outcome.receivedAt);
    } else {
      otherOutcomes++;
    }
    if (arrival !== undefined) {
      const toArrival = arrival.arrivedAt - allocation.dueAt;
      latencies.toArrival.push(toArrival);
      windows[Math.min(4, Math.floor((allocation.dueAt - firstDue) / fifth))]!.push(toArrival);
      lastArrival = Math.max(lastArrival, arrival.arrivedAt);
      if (outcome !== undefined) {
        latencies.arrivalToOutcome.push(outcome.receivedAt - arrival.arrivedAt);
      }
      if (timing?.attemptStartedAt !== undefined) {
        latencies.attemptToArrival.push(arrival.arrivedAt - timing.attemptStartedAt);
      }
    }
    if (timing?.handlerAt !== undefined) {
      latencies.toHandler.push(timing.handlerAt - allocation.dueAt);
      if (timing.attemptStartedAt !== undefined) {
        latencies.handlerToAttempt.push(timing.attemptStartedAt - timing.handlerAt);
      }
    }
    if (timing?.attemptMs !== undefined) {
      latencies.attemptMs.push(timing.attemptMs);
    }
  }
  const count = Math.max(1, run.allocations.length);
  return {
    rate,
    seconds,
    published: run.allocations.length,
    publishErrors: run.errors,
    achieved: run.achieved,
    latencies,
    windows: windows.map((values, index) => {
      const sorted = [...values].sort((a, b) => a - b);
      return {
        from: (index * fifth) / 1000,
        to: ((index + 1) * fifth) / 1000,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        count: values.length,
      };
    }),
    succeeded,
    otherOutcomes,
    missing,
    requests: endpoint.requests - requestsBefore,
    completedPerSecond: lastSuccess > firstDue ? (succeeded * 1000) / (lastSuccess - firstDue) : 0,
    backlogSeconds:
      missing > 0 || lastArrival === 0 ? Number.POSITIVE_INFINITY : (lastArrival - lastDue) / 1000,
    maxInFlight: endpoint.takeMaxInFlight(),
    work,
    cpuPerDelivery: (cpu * 1000) / count,
  };
}
