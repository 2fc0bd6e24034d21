import { Inject, Injectable } from '@nestjs/common';
import type { LeadRecordedV1 } from '@leadrail/leads-contracts';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import type { EntityManager } from 'typeorm';
import { PayablesForLeads } from './payables-for-leads';

/**
 * An introducer is owed its Lead Cost when LeadRail takes the lead: the
 * leads service recorded it (valid, not refused as a duplicate), whether or
 * not it is ever sold (docs/billing-service.md, "Introducers"), at the
 * introducer's Lead Cost at that moment.
 */
@Injectable()
export class PayableOnLeadRecorded implements IntegrationEventHandler<LeadRecordedV1> {
  readonly name = 'billing.payable-on-lead-recorded';
  readonly eventTypes = ['LeadRecorded'];

  constructor(@Inject(PayablesForLeads) private readonly payables: PayablesForLeads) {}

  async handle(event: LeadRecordedV1, manager: EntityManager): Promise<void> {
    const { leadId, introducerId, leadType } = event.data;
    await this.payables.leadTaken(
      manager,
      { leadId, introducerId, leadType, recordedAt: event.occurredAt },
      event,
    );
  }
}
