import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ConcurrencyRetriesExhaustedError,
  type CommandHandler,
  type EventMetadata,
  type EventStore,
  type IdGenerator,
  commandHandler,
  derivedEventId,
  loadAggregateWithIds,
} from '@leadrail/event-store';
import { CLOCK, type Clock, EVENT_STORE, IDS } from '@leadrail/nest-kit';
import type { DecidedFromV1 } from '@leadrail/routing-contracts';
import {
  type AllocateLead,
  type LeadToRoute,
  type PartnerStanding,
  type ReleaseReason,
  RoutingError,
  RoutingErrorCode,
  type RoutingStrategy,
  decideRouting,
} from '@leadrail/routing-domain';
import { FundsView } from '../funds/funds-view';
import { LeadTypeStrategies } from '../lead-types/lead-type-strategies';
import { PartnerLedgers } from '../ledger/partner-ledgers';
import { RoutingPartners } from '../partner-view/routing-partners';
import { toRoutingPartner } from '../partner-view/to-routing-partner';
import { decisionRecord } from './decision-record';
import {
  type LeadRoutingCommand,
  type LeadRoutingState,
  leadRoutingAggregate,
} from './lead-routing-aggregate';
import type { LeadRoutingEvent } from './lead-routing-events';
import { Rotations } from './rotations';

/** The consumed event a routing step answers: its id derives every id the step appends. */
export interface RoutingCause {
  eventId: string;
  correlationId: string;
}

/** What became of a request to route a lead. */
export type RouteOutcome =
  | 'routed'
  | 'unroutable'
  /** This cause was decided before (a redelivery): nothing new. */
  | 'decided-before'
  /** Routing never saw the lead recorded, or it is held by as many partners as it may be. */
  | 'nothing-to-route';

/** Who routing's events name as their actor. */
const ROUTING_ACTOR = { type: 'system', id: 'routing' } as const;

/** Ledger refusals that mean "another instance got there first": decide again with fresh state. */
const DECIDE_AGAIN = new Set<RoutingErrorCode>([
  RoutingErrorCode.DAILY_LIMIT_REACHED,
  RoutingErrorCode.MONTHLY_LIMIT_REACHED,
  RoutingErrorCode.INSUFFICIENT_FUNDS,
  RoutingErrorCode.STALE_FUNDS,
  RoutingErrorCode.STALE_PERIOD,
  RoutingErrorCode.ALLOCATION_RELEASED,
]);

/** Decisions tried for one cause before giving up (the consumer then retries the message). */
const MAX_DECISIONS = 20;

/**
 * Routes leads: weighs the partners buying the lead's type from routing's own
 * views (partners, funds, ledgers), lets the chosen partner's ledger accept
 * the allocation (appended with the revision read; a refusal decides again
 * with fresh state), then records the decision on the lead's routing stream.
 * Every id it appends derives from the cause's event id, so a redelivered
 * cause decides nothing new.
 */
@Injectable()
export class LeadRouter {
  private readonly logger = new Logger(LeadRouter.name);
  private readonly routing: CommandHandler<LeadRoutingCommand, LeadRoutingEvent, LeadRoutingState>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(IDS) ids: IdGenerator,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PartnerLedgers) private readonly ledgers: PartnerLedgers,
    @Inject(RoutingPartners) private readonly partners: RoutingPartners,
    @Inject(FundsView) private readonly funds: FundsView,
    @Inject(Rotations) private readonly rotations: Rotations,
    @Inject(LeadTypeStrategies) private readonly strategies: LeadTypeStrategies,
  ) {
    this.routing = commandHandler(store, leadRoutingAggregate, { ids });
  }

  /**
   * Routes a lead to the best eligible partner not tried yet. `lead` is given
   * when first recorded; a re-route takes it from the lead's routing stream.
   * A retry of an unroutable lead passes `recordUnroutable: false`: a
   * decision that finds nobody again is not recorded.
   */
  async route(
    leadId: string,
    lead: LeadToRoute | null,
    cause: RoutingCause,
    options: { recordUnroutable: boolean } = { recordUnroutable: true },
  ): Promise<RouteOutcome> {
    const decisionId = stepIds(cause, 'decision');
    const loaded = await loadAggregateWithIds(this.store, leadRoutingAggregate, leadId);
    if (loaded.eventIds.has(decisionId(0)) || loaded.eventIds.has(decisionId(1))) {
      return 'decided-before';
    }
    const toRoute = lead ?? loaded.state.lead;
    if (toRoute === null) {
      this.logger.warn(`lead ${leadId}: nothing to route (routing never saw it recorded)`);
      return 'nothing-to-route';
    }
    // The lead type's strategy (its routing method; exclusive round-robin when routing knows none).
    const strategy = await this.strategies.of(toRoute.leadType);
    if (loaded.state.holding.length >= strategy.maxPartners) {
      // Still held by as many partners as it may have (a release for another partner): nothing to decide.
      return 'nothing-to-route';
    }
    for (let attempt = 1; attempt <= MAX_DECISIONS; attempt++) {
      const outcome = await this.decideOnce(toRoute, loaded.state, strategy, cause, options);
      if (outcome !== 'refused') {
        return outcome;
      }
    }
    throw new Error(`lead ${leadId}: no ledger accepted a decision in ${MAX_DECISIONS} attempts`);
  }

  /** Gives a partner's allocation of the lead back, then routes the lead to the next partner. */
  async release(
    leadId: string,
    partnerId: string,
    reason: ReleaseReason,
    cause: RoutingCause,
  ): Promise<void> {
    const releasedAt = this.clock.now().toISOString();
    const metadata = this.metadata(cause, releasedAt);
    let releasedReservation: { amount: number; currency: string } | null = null;
    try {
      const released = await this.ledgers.handler.handle(
        partnerId,
        {
          type: 'ReleaseAllocation',
          data: { partnerId, leadId, reason },
          metadata: { actor: ROUTING_ACTOR, occurredAt: releasedAt },
        },
        { metadata, eventId: stepIds(cause, `release/${partnerId}`) },
      );
      const releaseId = stepIds(cause, `release/${partnerId}`)(0);
      // Nothing new appended: an earlier delivery of this cause released it and stopped before
      // recording; what it gave back is in the ledger, under the same id.
      const event = released.events[0] ?? (await this.ledgers.recorded(partnerId, releaseId));
      if (event !== undefined && 'releasedReservation' in event.data) {
        releasedReservation = event.data.releasedReservation;
      }
    } catch (error) {
      // An allocation the ledger never had (an operator's manual referral) or has forgotten: nothing to give back.
      if (!(
        error instanceof RoutingError && error.code === RoutingErrorCode.ALLOCATION_NOT_FOUND
      )) {
        throw error;
      }
    }
    await this.routing.handle(
      leadId,
      {
        type: 'RecordRelease',
        event: {
          type: 'LeadAllocationReleased',
          data: { leadId, partnerId, reason, releasedAt, releasedReservation },
        },
      },
      { metadata, eventId: stepIds(cause, 'released') },
    );
    await this.route(leadId, null, cause);
  }

  /** One decision; `refused` when a ledger refused it (decide again with fresh state). */
  private async decideOnce(
    lead: LeadToRoute,
    state: LeadRoutingState,
    strategy: RoutingStrategy,
    cause: RoutingCause,
    options: { recordUnroutable: boolean },
  ): Promise<'routed' | 'unroutable' | 'refused'> {
    const records = await this.partners.buying(lead.leadType);
    const standings: PartnerStanding[] = [];
    const decidedFrom: DecidedFromV1[] = [];
    for (const record of records) {
      const partner = toRoutingPartner(record);
      const ledger = await this.ledgers.load(partner.partnerId);
      standings.push({ partner, ledger: ledger.state, funds: await this.funds.fundsOf(partner) });
      decidedFrom.push({
        partnerId: partner.partnerId,
        partnerEventId: record.lastEventId,
        ledgerRevision: ledger.revision === undefined ? null : Number(ledger.revision),
      });
    }
    const now = this.clock.now();
    const decision = decideRouting({
      lead,
      partners: standings,
      tried: state.tried,
      holding: state.holding,
      strategy,
      rotation: this.rotations.of(lead.leadType),
      now,
    });
    const record = decisionRecord(decision, decidedFrom);
    const metadata = this.metadata(cause, decision.decidedAt);
    // A ledger already holding the lead for a partner the stream does not know of: an earlier
    // delivery of this cause allocated and stopped before recording. Its allocation stands.
    const orphan = standings.find(
      ({ partner, ledger }) =>
        !state.tried.includes(partner.partnerId) &&
        ledger.allocations[lead.leadId]?.status === 'open',
    );
    let chosen: { partnerId: string; leadValue: { amount: number; currency: string } } | null =
      null;
    if (orphan !== undefined) {
      const held = orphan.ledger.allocations[lead.leadId];
      const value = held?.reserved ?? orphan.partner.defaultLeadValue;
      chosen = value === null ? null : { partnerId: orphan.partner.partnerId, leadValue: value };
    } else if (decision.outcome.type === 'allocated') {
      const [plan] = decision.outcome.allocations;
      if (plan !== undefined) {
        if (!(await this.allocate(plan.allocate, cause, metadata))) {
          return 'refused';
        }
        chosen = { partnerId: plan.partnerId, leadValue: plan.leadValue };
      }
    }
    if (chosen === null && !options.recordUnroutable) {
      return 'unroutable';
    }
    this.rotations.set(lead.leadType, decision.rotation);
    await this.routing.handle(
      lead.leadId,
      {
        type: 'RecordDecision',
        lead,
        event:
          chosen === null
            ? { type: 'LeadUnroutable', data: { leadId: lead.leadId, decision: record } }
            : {
                type: 'LeadRouted',
                data: {
                  leadId: lead.leadId,
                  partnerId: chosen.partnerId,
                  leadValue: { ...chosen.leadValue },
                  decision: record,
                },
              },
      },
      { metadata, eventId: stepIds(cause, 'decision') },
    );
    return chosen === null ? 'unroutable' : 'routed';
  }

  /** Appends the allocation to the partner's ledger; false when the ledger refused it. */
  private async allocate(
    allocate: AllocateLead['data'],
    cause: RoutingCause,
    metadata: EventMetadata,
  ): Promise<boolean> {
    try {
      await this.ledgers.handler.handle(
        allocate.partnerId,
        {
          type: 'AllocateLead',
          data: allocate,
          metadata: { actor: ROUTING_ACTOR, occurredAt: metadata.occurredAt },
        },
        { metadata, eventId: stepIds(cause, `allocate/${allocate.partnerId}`) },
      );
      return true;
    } catch (error) {
      if (error instanceof RoutingError && DECIDE_AGAIN.has(error.code)) {
        return false;
      }
      if (error instanceof ConcurrencyRetriesExhaustedError) {
        return false;
      }
      throw error;
    }
  }

  private metadata(cause: RoutingCause, occurredAt: string): EventMetadata {
    return {
      correlationId: cause.correlationId,
      causationId: cause.eventId,
      occurredAt,
      actor: ROUTING_ACTOR,
    };
  }
}

/** The ids of one step's events: the same cause and step always give the same ids. */
function stepIds(cause: RoutingCause, step: string): (index: number) => string {
  return (index) => derivedEventId(`${cause.eventId}/${step}`, index);
}
