import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BILLING_SYSTEM } from '../accounts/billing-cause';
import type { BillingPartnerRecord } from '../partner-view/billing-partner-record';
import { BillingPartners } from '../partner-view/billing-partners';
import { lockPartner } from '../partner-view/partner-lock';
import { IntroducerPayables } from './introducer-payables';

interface Cause {
  eventId: string;
  correlationId: string;
}

/**
 * What introducers are owed for the leads LeadRail takes from them. A lead
 * from an introducer billing has not heard of yet is kept waiting
 * (`billing_leads.payable_pending`) and owed for when the introducer's
 * registration arrives: never dropped, never blocking the topic.
 */
@Injectable()
export class PayablesForLeads {
  private readonly logger = new Logger(PayablesForLeads.name);

  constructor(
    @Inject(BillingPartners) private readonly partners: BillingPartners,
    @Inject(IntroducerPayables) private readonly payables: IntroducerPayables,
  ) {}

  async leadTaken(
    manager: EntityManager,
    lead: { leadId: string; introducerId: string; leadType: string; recordedAt: string },
    cause: Cause,
  ): Promise<void> {
    await lockPartner(manager, lead.introducerId);
    const introducer = await this.partners.find(manager, lead.introducerId);
    await manager.query(
      `INSERT INTO billing_leads
         (lead_id, introducer_id, lead_type, recorded_at, payable_pending, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (lead_id) DO NOTHING`,
      [
        lead.leadId,
        lead.introducerId,
        lead.leadType,
        lead.recordedAt,
        introducer === null,
        cause.correlationId,
      ],
    );
    const returned = await manager.query<{ returned: boolean }[]>(
      'SELECT returned FROM billing_leads WHERE lead_id = $1',
      [lead.leadId],
    );
    if (introducer !== null && returned[0]?.returned !== true) {
      await this.owe(introducer, lead.leadId, cause);
    }
  }

  /** The introducer is known now: what it is owed for leads recorded before. */
  async settleWaiting(
    manager: EntityManager,
    introducer: BillingPartnerRecord,
    cause: Cause,
  ): Promise<void> {
    // An UPDATE answers [rows, count] through TypeORM's PostgreSQL driver.
    const [waiting] = await manager.query<
      [{ lead_id: string; correlation_id: string | null }[], number]
    >(
      `UPDATE billing_leads SET payable_pending = false
        WHERE introducer_id = $1 AND payable_pending AND NOT returned
        RETURNING lead_id, correlation_id`,
      [introducer.partnerId],
    );
    for (const lead of waiting) {
      await this.owe(introducer, lead.lead_id, {
        eventId: cause.eventId,
        correlationId: lead.correlation_id ?? cause.correlationId,
      });
    }
  }

  private async owe(introducer: BillingPartnerRecord, leadId: string, cause: Cause): Promise<void> {
    if (introducer.leadCost === null) {
      this.logger.warn(
        `lead ${leadId} came from ${introducer.partnerId}, which is not set as an introducer: nothing is owed for it`,
      );
      return;
    }
    await this.payables.record(introducer.partnerId, leadId, introducer.leadCost, {
      ...cause,
      actor: BILLING_SYSTEM,
    });
  }
}
