import { Inject, Injectable } from '@nestjs/common';
import {
  type CommandHandler,
  type EventStore,
  type IdGenerator,
  type LoadedAggregate,
  commandHandler,
} from '@leadrail/event-store';
import {
  type LeadActor,
  type LeadCommand,
  type LeadEvent,
  type LeadState,
  leadAggregate,
} from '@leadrail/leads-domain';
import { CLOCK, type Clock, IDS } from '@leadrail/nest-kit';
import { LEAD_EVENT_STORE } from './lead-event-store';

/** A lead command by its type, e.g. `LeadCommandOfType<'AcceptReferral'>`. */
export type LeadCommandOfType<Type extends LeadCommand['type']> = Extract<
  LeadCommand,
  { type: Type }
>;

/** How a lead command is issued: who, why, and (for a consumer) the ids its events derive from. */
export interface LeadIssueOptions {
  actor: LeadActor;
  reason?: string;
  /** The instant the command takes effect; defaults to the clock's now. */
  occurredAt?: string;
  /** Derived event ids: a redelivered cause then appends nothing new. */
  eventId?: (index: number) => string;
  correlationId?: string;
}

/** What a command did. */
export interface LeadCommandOutcome {
  events: string[];
  state: LeadState;
  revision: bigint | undefined;
}

/**
 * The leads service's way into the lead aggregate: the shared command handler
 * over the sealing event store (contacts never reach the log in clear), with
 * the service's clock and ids.
 */
@Injectable()
export class LeadCommands {
  private readonly handler: CommandHandler<LeadCommand, LeadEvent, LeadState>;

  constructor(
    @Inject(LEAD_EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDS) private readonly ids: IdGenerator,
  ) {
    this.handler = commandHandler(store, leadAggregate, { ids });
  }

  async issue<Type extends LeadCommand['type']>(
    type: Type,
    leadId: string,
    data: Omit<LeadCommandOfType<Type>['data'], 'leadId'>,
    options: LeadIssueOptions,
  ): Promise<LeadCommandOutcome> {
    const occurredAt = options.occurredAt ?? this.clock.now().toISOString();
    const reason = options.reason === undefined ? {} : { reason: options.reason };
    // The parameters tie data to type; TypeScript cannot relate the generic object back to its union member.
    const command = {
      type,
      data: { ...data, leadId },
      metadata: { actor: options.actor, occurredAt, ...reason },
    } as unknown as LeadCommandOfType<Type>;
    const correlationId = options.correlationId ?? this.ids.next();
    const result = await this.handler.handle(leadId.toLowerCase(), command, {
      eventId: options.eventId,
      metadata: {
        correlationId,
        causationId: correlationId,
        occurredAt,
        actor: options.actor,
        ...reason,
      },
    });
    return {
      events: result.events.map((event) => event.type),
      state: result.state,
      revision: result.revision,
    };
  }

  /** The lead as its stream says now. */
  load(leadId: string): Promise<LoadedAggregate<LeadState>> {
    return this.handler.load(leadId.toLowerCase());
  }
}
