import { Inject, Injectable, Logger } from '@nestjs/common';
import type {
  DeliveryFailedV1,
  DeliveryRejectedV1,
  DeliverySucceededV1,
} from '@leadrail/delivery-contracts';
import { derivedEventId } from '@leadrail/event-store';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import { CLOCK, type Clock } from '@leadrail/nest-kit';
import { LeadCommands } from '../lead/lead-commands';

type DeliveryOutcome = DeliverySucceededV1 | DeliveryRejectedV1 | DeliveryFailedV1;

/**
 * Follows deliveries' final outcomes (`leadrail.delivery.v1`): a delivered
 * lead is recorded as delivered (`LeadDelivered`, with the partner's
 * reference), a rejected or failed one as a failed delivery
 * (`LeadDeliveryFailed`), which routing follows by routing the lead to the
 * next partner. An operator's redelivery changes nothing here. The lead's
 * events derive their ids from the outcome's, so a redelivered outcome
 * records nothing new.
 */
@Injectable()
export class FollowDeliveryOutcome implements IntegrationEventHandler<DeliveryOutcome> {
  readonly name = 'leads.follow-delivery-outcome';
  readonly eventTypes = ['DeliverySucceeded', 'DeliveryRejected', 'DeliveryFailed'];
  private readonly logger = new Logger(FollowDeliveryOutcome.name);

  constructor(
    @Inject(LeadCommands) private readonly leads: LeadCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(event: DeliveryOutcome): Promise<void> {
    const { leadId, partnerId } = event.data;
    const { state: lead } = await this.leads.load(leadId);
    if (lead.stage === 'new') {
      this.logger.warn(`${event.type} ${event.eventId}: lead ${leadId} is unknown here; skipped`);
      return;
    }
    const options = {
      actor: { type: 'system', id: event.source } as const,
      occurredAt: this.clock.now().toISOString(),
      eventId: (index: number) => derivedEventId(event.eventId, index),
      correlationId: event.correlationId,
    };
    if (event.type === 'DeliverySucceeded') {
      if (event.data.redelivery) {
        return;
      }
      await this.leads.issue(
        'RecordDelivery',
        leadId,
        { partnerId, partnerReference: event.data.partnerReference },
        options,
      );
      return;
    }
    if (lead.stage === 'delivered' || lead.stage === 'returned') {
      // An operator's redelivery of a lead the partner has, which failed: the lead stays delivered.
      this.logger.warn(
        `${event.type} ${event.eventId}: lead ${leadId} was delivered already; kept`,
      );
      return;
    }
    const reason =
      event.type === 'DeliveryRejected'
        ? `rejected by the partner: ${event.data.reason}`
        : `delivery failed: ${event.data.reason}`;
    await this.leads.issue(
      'RecordDeliveryFailure',
      leadId,
      { partnerId, reason: reason.slice(0, 500) },
      options,
    );
  }
}
