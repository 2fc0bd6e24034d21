import type { Kafka } from 'kafkajs';
import { percentile } from '../event-store/measure';
import { secondsToCatchUp } from '../leads-intake/catch-up';
import type { DecisionsTopic } from './decisions-topic';
import { processCpuSeconds } from './environment';
import type { LeadPublisher } from './lead-publisher';
import { setUpPartners } from './partners-setup';
import type { RoutingLog } from './routing-log';
import type { RoutingProcess } from './routing-process';

/** Per lead, ms: each span from when the lead was due (recorded) unless said otherwise. */
export interface RunLatencies {
  /** Recorded → `LeadAllocatedToPartner` appended: the "routing decision". */
  toAllocation: number[];
  /** Recorded → `LeadRouted`/`LeadUnroutable` appended on the lead's routing stream. */
  toDecision: number[];
  /** Recorded → the decision received from `leadrail.routing.v1` by another consumer. */
  toPublished: number[];
  /** Recorded → the handler's transaction began: publish, Kafka, and waiting behind earlier leads. */
  toHandling: number[];
  /** Handler began → allocation appended: reading, deciding, the ledger append. */
  handlingToAllocation: number[];
  /** Allocation appended → decision appended. */
  allocationToDecision: number[];
  /** Recorded → the broker acknowledged the publish (acks=all). */
  publishAck: number[];
}

export interface RoutingRun {
  rate: number;
  seconds: number;
  leadType: string;
  /** The run's own partners. */
  partnerIds: string[];
  published: number;
  publishErrors: number;
  /** Leads published per second while the load ran. */
  achieved: number;
  latencies: RunLatencies;
  /** Leads due in each 5 s of the run, in order: p50/p99 to allocation, p50 of the handling alone. */
  windows: { from: number; p50: number; p99: number; handlingP50: number; leads: number }[];
  routed: number;
  unroutable: number;
  /** Published leads with no decision when the run was given up on. */
  undecided: number;
  /** Seconds from the last lead due to the last decision: what was left to do when the load ended. */
  backlogSeconds: number;
  /** The routing process's CPU (all threads) per lead, ms. */
  cpuPerLead: number;
  /** pg_stat_database per lead over the run (the whole database: approximate). */
  transactionsPerLead: number;
  rowsFetchedPerLead: number;
  logIndexScansPerLead: number;
  /** The run's partners' ledgers after it: the longest (events), how many hold any lead. */
  ledgers: { longest: number; withLeads: number };
}

export interface RunContext {
  kafka: Kafka;
  databaseUrl: string;
  service: RoutingProcess;
  publisher: LeadPublisher;
  log: RoutingLog;
  decisions: DecisionsTopic;
  partners: number;
}

let runs = 0;

/**
 * One measured run: `partners` new partners buying a lead type of the run's
 * own (so every run starts with empty ledgers, whatever ran before), then
 * LeadRecorded at `rate` per second for `seconds` as an open model; waits
 * until every lead is handled (at most `drainTimeoutSeconds`) and the
 * relay is idle, then reads each lead's outcome from the database.
 */
export async function routingRun(
  context: RunContext,
  rate: number,
  seconds: number,
  drainTimeoutSeconds: number,
): Promise<RoutingRun> {
  const leadType = `bench-${process.pid}-${++runs}`;
  const partnerIds = await setUpPartners(
    context.kafka,
    context.databaseUrl,
    leadType,
    context.partners,
  );
  await secondsToCatchUp(context.service.url);
  const countersBefore = await context.log.counters();
  const cpuBefore = processCpuSeconds(context.service.pid);
  const run = await context.publisher.publish(leadType, rate, seconds);
  await context.log.waitUntilHandled(
    run.leads.map((lead) => lead.eventId),
    drainTimeoutSeconds,
  );
  const cpu = processCpuSeconds(context.service.pid) - cpuBefore;
  const countersAfter = await context.log.counters();
  await secondsToCatchUp(context.service.url);
  const firstDue = run.leads.reduce((min, lead) => Math.min(min, lead.dueAt), Infinity);
  const outcomes = await context.log.outcomes(run.leads, firstDue);

  const latencies: RunLatencies = {
    toAllocation: [],
    toDecision: [],
    toPublished: [],
    toHandling: [],
    handlingToAllocation: [],
    allocationToDecision: [],
    publishAck: [],
  };
  const byWindow = new Map<number, { toAllocation: number[]; handling: number[] }>();
  let routed = 0;
  let unroutable = 0;
  let undecided = 0;
  let lastDue = 0;
  let lastDecision = 0;
  for (const lead of run.leads) {
    const outcome = outcomes.get(lead.leadId) ?? {};
    const published = context.decisions.arrivedAt(lead.leadId);
    lastDue = Math.max(lastDue, lead.dueAt);
    latencies.publishAck.push(lead.ackMs);
    if (outcome.decision === 'LeadRouted') {
      routed++;
    } else if (outcome.decision === 'LeadUnroutable') {
      unroutable++;
    } else {
      undecided++;
    }
    if (outcome.decidedAt !== undefined) {
      lastDecision = Math.max(lastDecision, outcome.decidedAt);
      latencies.toDecision.push(outcome.decidedAt - lead.dueAt);
    }
    if (outcome.allocatedAt !== undefined) {
      const toAllocation = outcome.allocatedAt - lead.dueAt;
      latencies.toAllocation.push(toAllocation);
      const index = Math.floor((lead.dueAt - firstDue) / 5000);
      const window = byWindow.get(index) ?? { toAllocation: [], handling: [] };
      byWindow.set(index, window);
      window.toAllocation.push(toAllocation);
      if (outcome.handlingAt !== undefined) {
        latencies.handlingToAllocation.push(outcome.allocatedAt - outcome.handlingAt);
        window.handling.push(outcome.allocatedAt - outcome.handlingAt);
      }
      if (outcome.decidedAt !== undefined) {
        latencies.allocationToDecision.push(outcome.decidedAt - outcome.allocatedAt);
      }
    }
    if (outcome.handlingAt !== undefined) {
      latencies.toHandling.push(outcome.handlingAt - lead.dueAt);
    }
    if (published !== undefined) {
      latencies.toPublished.push(published - lead.dueAt);
    }
  }
  const ledgers = await context.log.ledgerLengths(partnerIds);
  const leads = Math.max(1, run.leads.length);
  return {
    rate,
    seconds,
    leadType,
    partnerIds,
    published: run.leads.length,
    publishErrors: run.errors,
    achieved: run.achieved,
    latencies,
    windows: [...byWindow.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, window]) => {
        const toAllocation = [...window.toAllocation].sort((a, b) => a - b);
        const handling = [...window.handling].sort((a, b) => a - b);
        return {
          from: index * 5,
          p50: percentile(toAllocation, 50),
          p99: percentile(toAllocation, 99),
          handlingP50: percentile(handling, 50),
          leads: toAllocation.length,
        };
      }),
    routed,
    unroutable,
    undecided,
    backlogSeconds: undecided > 0 ? Number.POSITIVE_INFINITY : (lastDecision - lastDue) / 1000,
    cpuPerLead: (cpu * 1000) / leads,
    transactionsPerLead: (countersAfter.transactions - countersBefore.transactions) / leads,
    rowsFetchedPerLead: (countersAfter.rowsFetched - countersBefore.rowsFetched) / leads,
    logIndexScansPerLead: (countersAfter.logIndexScans - countersBefore.logIndexScans) / leads,
    ledgers: { longest: ledgers[0] ?? 0, withLeads: ledgers.length },
  };
}
