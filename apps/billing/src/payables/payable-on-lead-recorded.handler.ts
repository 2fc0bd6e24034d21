import { Inject, Injectable, Logger } from '@nestjs/common';
import type { LeadRecordedV1 } from '@leadrail/leads-contracts';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import type { EntityManager } from 'typeorm';
import { BILLING_SYSTEM } from '../accounts/billing-cause';
import { BillingPartners } from '../partner-view/billing-partners';
import { IntroducerPayables } from './introducer-payables';

/**
 * An introducer is owed its Lead Cost when LeadRail takes the lead: the
 * leads service recorded it (valid, not refused as a duplicate), whether or
 * not it is ever sold (docs/billing-service.md, "Introducers"). The cost is
 * the introducer's at that moment; the lead's introducer is kept for
 * reversals and margins.
 */
@Injectable()
export class PayableOnLeadRecorded implements IntegrationEventHandler<LeadRecordedV1> {
  readonly name = 'billing.payable-on-lead-recorded';
  readonly eventTypes = ['LeadRecorded'];
  private readonly logger = new Logger(PayableOnLeadRecorded.name);

  constructor(
    @Inject(BillingPartners) private readonly partners: BillingPartners,
    @Inject(IntroducerPayables) private readonly payables: IntroducerPayables,
  ) {}

  async handle(event: LeadRecordedV1, manager: EntityManager): Promise<void> {
    const { leadId, introducerId, leadType } = event.data;
    await manager.query(
      `INSERT INTO billing_leads (lead_id, introducer_id, lead_type, recorded_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT (lead_id) DO NOTHING`,
      [leadId, introducerId, leadType, event.occurredAt],
    );
    const introducer = await this.partners.find(manager, introducerId);
    if (introducer === null) {
      // Retried, then dead-lettered with this reason: a lead owed for is never dropped quietly.
      throw new Error(
        `introducer ${introducerId} is unknown to billing: its events have not arrived`,
      );
    }
    if (introducer.leadCost === null) {
      this.logger.warn(
        `lead ${leadId} came from ${introducerId}, which is not set as an introducer: nothing is owed for it`,
      );
      return;
    }
    await this.payables.record(introducerId, leadId, introducer.leadCost, {
      eventId: event.eventId,
      correlationId: event.correlationId,
      actor: BILLING_SYSTEM,
    });
  }
}
