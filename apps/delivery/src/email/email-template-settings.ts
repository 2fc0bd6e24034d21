import { Inject, Injectable } from '@nestjs/common';
import {
  EMAIL_TEMPLATE_STREAM_ID,
  type EmailTemplate,
  type EmailTemplateActor,
  type EmailTemplateCommand,
  type EmailTemplateEvent,
  type EmailTemplateSetting,
  effectiveEmailTemplate,
  emailTemplateAggregate,
} from '@leadrail/delivery-domain';
import {
  type CommandHandler,
  type EventStore,
  type IdGenerator,
  type LoadedAggregate,
  commandHandler,
} from '@leadrail/event-store';
import { CLOCK, type Clock, EVENT_STORE, IDS } from '@leadrail/nest-kit';
import { EmailRenderer, assertNoProblems } from './email-renderer';

/** How a change is made: by whom, against which revision (If-Match), and why. */
export interface EmailTemplateChangeOptions {
  readonly actor: EmailTemplateActor;
  readonly expectedRevision?: bigint;
  readonly reason?: string;
}

/** What a change did: the stream's revision now (its ETag), whether it changed, the setting now. */
export interface EmailTemplateChange {
  readonly revision: bigint | undefined;
  readonly changed: boolean;
  readonly setting: EmailTemplateSetting;
}

/**
 * The operators' email template (`deliveryEmailTemplate-current`) through the
 * shared command handler. A replacement is checked in full first: the
 * domain's rules, then MJML's strict validation, which the domain cannot run.
 */
@Injectable()
export class EmailTemplateSettings {
  private readonly handler: CommandHandler<
    EmailTemplateCommand,
    EmailTemplateEvent,
    EmailTemplateSetting
  >;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDS) private readonly ids: IdGenerator,
    @Inject(EmailRenderer) private readonly renderer: EmailRenderer,
  ) {
    this.handler = commandHandler(store, emailTemplateAggregate, { ids });
  }

  /** The setting now, with the revision an If-Match names (undefined: never changed). */
  load(): Promise<LoadedAggregate<EmailTemplateSetting>> {
    return this.handler.load(EMAIL_TEMPLATE_STREAM_ID);
  }

  /** The template deliveries use now: the operators' own, or the default. */
  async current(): Promise<EmailTemplate> {
    return effectiveEmailTemplate((await this.load()).state);
  }

  /** Replaces the template; throws EmailTemplateError (INVALID_EMAIL_TEMPLATE) listing every problem. */
  async replace(
    template: EmailTemplate,
    options: EmailTemplateChangeOptions,
  ): Promise<EmailTemplateChange> {
    assertNoProblems(await this.renderer.check(template));
    return this.issue(
      {
        type: 'ReplaceEmailTemplate',
        data: { subject: template.subject, mjml: template.mjml, ...reasonOf(options) },
      },
      options,
    );
  }

  /** Back to LeadRail's default template. */
  reset(options: EmailTemplateChangeOptions): Promise<EmailTemplateChange> {
    return this.issue({ type: 'ResetEmailTemplate', data: { ...reasonOf(options) } }, options);
  }

  private async issue(
    command: Pick<EmailTemplateCommand, 'type' | 'data'>,
    options: EmailTemplateChangeOptions,
  ): Promise<EmailTemplateChange> {
    const occurredAt = this.clock.now().toISOString();
    const correlationId = this.ids.next();
    const actor = { type: options.actor.type, id: options.actor.id };
    const result = await this.handler.handle(
      EMAIL_TEMPLATE_STREAM_ID,
      { ...command, metadata: { actor, occurredAt } } as EmailTemplateCommand,
      {
        expectedRevision: options.expectedRevision,
        metadata: {
          correlationId,
          causationId: correlationId,
          occurredAt,
          actor,
          ...(options.reason === undefined ? {} : { reason: options.reason.trim() }),
        },
      },
    );
    return { revision: result.revision, changed: result.events.length > 0, setting: result.state };
  }
}

function reasonOf(options: EmailTemplateChangeOptions): { reason?: string } {
  return options.reason === undefined ? {} : { reason: options.reason };
}
