import { Inject, Injectable } from '@nestjs/common';
import {
  type CommandHandler,
  type EventStore,
  type IdGenerator,
  type LoadedAggregate,
  commandHandler,
} from '@leadrail/event-store';
import { CLOCK, type Clock, EVENT_STORE, IDS } from '@leadrail/nest-kit';
import {
  type Actor,
  type PartnerCommand,
  type PartnerEvent,
  type PartnerState,
  partnerAggregate,
} from '@leadrail/partners-domain';

/** A partner command by its type, e.g. `CommandOf<'SetDeliveryLimits'>`. */
export type CommandOf<Type extends PartnerCommand['type']> = Extract<
  PartnerCommand,
  { type: Type }
>;

/** What a caller learns from a command: the new revision (its ETag), the events' types, the state. */
export interface CommandOutcome {
  revision: bigint;
  events: string[];
  state: PartnerState;
}

/** How a command is issued: who, against which revision (If-Match), and why. */
export interface IssueOptions {
  actor: Actor;
  expectedRevision?: bigint | 'no_stream';
  reason?: string;
}

/**
 * The partners service's way into the partner aggregate: the shared command
 * handler (`commandHandler(store, partnerAggregate)`: load, fold, decide,
 * append, retry) with the time and ids of the service's ports. Controllers
 * give it a command type and its data, typed together.
 */
@Injectable()
export class PartnerCommands {
  private readonly handler: CommandHandler<PartnerCommand, PartnerEvent, PartnerState>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDS) private readonly ids: IdGenerator,
  ) {
    this.handler = commandHandler(store, partnerAggregate, { ids });
  }

  async issue<Type extends PartnerCommand['type']>(
    type: Type,
    partnerId: string,
    data: Omit<CommandOf<Type>['data'], 'partnerId'>,
    options: IssueOptions,
  ): Promise<CommandOutcome> {
    const occurredAt = this.clock.now().toISOString();
    const reason = options.reason === undefined ? {} : { reason: options.reason };
    // The parameters tie data to type; TypeScript cannot relate the generic object back to its union member.
    const command = {
      type,
      data: { ...data, partnerId },
      metadata: { actor: options.actor, occurredAt, ...reason },
    } as unknown as CommandOf<Type>;
    const correlationId = this.ids.next();
    const result = await this.handler.handle(partnerId, command, {
      expectedRevision: options.expectedRevision,
      metadata: {
        correlationId,
        causationId: correlationId,
        occurredAt,
        actor: options.actor,
        ...reason,
      },
    });
    return {
      revision: result.revision ?? -1n,
      events: result.events.map((event) => event.type),
      state: result.state,
    };
  }

  /** The partner as its stream says now, with the revision an If-Match must name. */
  load(partnerId: string): Promise<LoadedAggregate<PartnerState>> {
    return this.handler.load(partnerId);
  }
}
