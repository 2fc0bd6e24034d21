import { Inject, Injectable } from '@nestjs/common';
import {
  type CommandHandler,
  type EventStore,
  type IdGenerator,
  type LoadedAggregate,
  commandHandler,
} from '@leadrail/event-store';
import {
  LEAD_SETTINGS_STREAM_ID,
  type LeadActor,
  type LeadSettings,
  type LeadSettingsCommand,
  type LeadSettingsEvent,
  leadSettingsAggregate,
} from '@leadrail/leads-domain';
import { CLOCK, type Clock, EVENT_STORE, IDS } from '@leadrail/nest-kit';

type SettingsCommandOf<Type extends LeadSettingsCommand['type']> = Extract<
  LeadSettingsCommand,
  { type: Type }
>;

/** What a settings change did: the new revision (its ETag) and the settings now. */
export interface SettingsOutcome {
  revision: bigint;
  events: string[];
  settings: LeadSettings;
}

/** The operators' lead settings (`leadSettings-current`) through the shared command handler. */
@Injectable()
export class LeadSettingsCommands {
  private readonly handler: CommandHandler<LeadSettingsCommand, LeadSettingsEvent, LeadSettings>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDS) private readonly ids: IdGenerator,
  ) {
    this.handler = commandHandler(store, leadSettingsAggregate, { ids });
  }

  async issue<Type extends LeadSettingsCommand['type']>(
    type: Type,
    data: SettingsCommandOf<Type>['data'],
    options: { actor: LeadActor; expectedRevision?: bigint | 'no_stream' },
  ): Promise<SettingsOutcome> {
    const occurredAt = this.clock.now().toISOString();
    const command = {
      type,
      data,
      metadata: { actor: options.actor, occurredAt },
    } as unknown as SettingsCommandOf<Type>;
    const correlationId = this.ids.next();
    const result = await this.handler.handle(LEAD_SETTINGS_STREAM_ID, command, {
      expectedRevision: options.expectedRevision,
      metadata: { correlationId, causationId: correlationId, occurredAt, actor: options.actor },
    });
    return {
      revision: result.revision ?? -1n,
      events: result.events.map((event) => event.type),
      settings: result.state,
    };
  }

  /** The settings now, with the revision an If-Match names. */
  load(): Promise<LoadedAggregate<LeadSettings>> {
    return this.handler.load(LEAD_SETTINGS_STREAM_ID);
  }
}
