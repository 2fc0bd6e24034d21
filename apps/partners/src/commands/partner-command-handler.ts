import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type EventStore, handleCommand } from '@leadrail/event-store';
import { EVENT_STORE, type Operator } from '@leadrail/nest-kit';
import {
  type PartnerCommand,
  type PartnerState,
  partnerDecider,
  partnerStream,
} from '@leadrail/partners-domain';

/** What the API needs to know after a command: the new ETag source and what happened. */
export interface CommandOutcome {
  revision: bigint;
  events: string[];
  state: PartnerState;
}

/**
 * Runs a partner command against its stream: read, fold, decide, append with
 * the revision read (or the one the client saw, from If-Match).
 */
@Injectable()
export class PartnerCommandHandler {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(
    command: PartnerCommand,
    options: { expectedRevision?: bigint | 'no_stream'; correlationId?: string },
  ): Promise<CommandOutcome> {
    const correlationId = options.correlationId ?? randomUUID();
    const result = await handleCommand(
      this.store,
      partnerStream(command.data.partnerId),
      partnerDecider,
      command,
      {
        expectedRevision: options.expectedRevision,
        metadata: {
          correlationId,
          causationId: correlationId,
          occurredAt: command.metadata.occurredAt,
          actor: command.metadata.actor,
          ...(command.metadata.reason === undefined ? {} : { reason: command.metadata.reason }),
        },
      },
    );
    return {
      revision: result.revision ?? -1n,
      events: result.events.map((event) => event.type),
      state: result.state,
    };
  }
}

/** The metadata of a command an operator issues now. */
export function operatorMetadata(operator: Operator, reason?: string): PartnerCommand['metadata'] {
  return {
    actor: { type: 'operator', id: operator.id },
    occurredAt: new Date().toISOString(),
    ...(reason === undefined ? {} : { reason }),
  };
}
