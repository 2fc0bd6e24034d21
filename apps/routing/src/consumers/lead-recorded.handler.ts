import { Inject, Injectable } from '@nestjs/common';
import type { LeadRecordedV1 } from '@leadrail/leads-contracts';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import { LeadRouter } from '../lead-routing/lead-router';
import { leadToRouteOf } from './lead-to-route-of';

/**
 * Routes each lead the leads service records (`LeadRecorded` on
 * `leadrail.leads.v1`). Its appends derive their ids from the event's, so a
 * redelivery (or the inbox's own retry) decides nothing new.
 */
@Injectable()
export class RouteRecordedLead implements IntegrationEventHandler<LeadRecordedV1> {
  readonly name = 'routing.route-recorded-lead';
  readonly eventTypes = ['LeadRecorded'];

  constructor(@Inject(LeadRouter) private readonly router: LeadRouter) {}

  async handle(event: LeadRecordedV1): Promise<void> {
    await this.router.route(event.data.leadId, leadToRouteOf(event.data), {
      eventId: event.eventId,
      correlationId: event.correlationId,
    });
  }
}
