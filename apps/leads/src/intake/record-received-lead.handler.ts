import { Inject, Injectable } from '@nestjs/common';
import type { LeadReceivedV1 } from '@leadrail/leads-contracts';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import { LeadIntake } from './lead-intake';

/**
 * `LeadReceived` v1 from internal publishers, through the same intake as
 * HTTP: same validation, same de-duplication claims, same lead stream. The
 * lead's events derive their ids from the message's, so a redelivery records
 * nothing new. A lead id reused with other details is refused (ALREADY_RECEIVED)
 * and, once retries are spent, becomes a dead letter with that reason.
 */
@Injectable()
export class RecordReceivedLead implements IntegrationEventHandler<LeadReceivedV1> {
  readonly name = 'leads.record-received-lead';
  readonly eventTypes = ['LeadReceived'];

  constructor(@Inject(LeadIntake) private readonly intake: LeadIntake) {}

  async handle(event: LeadReceivedV1): Promise<void> {
    await this.intake.submit(event.data, {
      source: { channel: 'internal', publisher: event.source },
      actor: { type: 'system', id: event.source },
      causeEventId: event.eventId,
      correlationId: event.correlationId,
    });
  }
}
