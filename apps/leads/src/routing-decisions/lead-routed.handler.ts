import { Inject, Injectable, Logger } from '@nestjs/common';
import { derivedEventId } from '@leadrail/event-store';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import { CLOCK, type Clock } from '@leadrail/nest-kit';
import type { LeadRoutedV1 } from '@leadrail/routing-contracts';
import { LeadCommands } from '../lead/lead-commands';
import { PartnerView } from '../partner-view/partner-view';
import { LeadSettingsCommands } from '../settings/lead-settings-commands';
import { routingDecisionCommand } from './routing-decision-command';

/**
 * Follows routing's decisions (`LeadRouted` on `leadrail.routing.v1`): the
 * lead is referred to the chosen partner when its portal settings require
 * accepting referrals (expiring `referralTimeoutMinutes` from now), else
 * allocated to it. The lead's events derive their ids from the decision's, so
 * a redelivered decision records nothing new.
 */
@Injectable()
export class FollowRoutingDecision implements IntegrationEventHandler<LeadRoutedV1> {
  readonly name = 'leads.follow-routing-decision';
  readonly eventTypes = ['LeadRouted'];
  private readonly logger = new Logger(FollowRoutingDecision.name);

  constructor(
    @Inject(LeadCommands) private readonly leads: LeadCommands,
    @Inject(PartnerView) private readonly partners: PartnerView,
    @Inject(LeadSettingsCommands) private readonly settings: LeadSettingsCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(event: LeadRoutedV1): Promise<void> {
    const { leadId, partnerId } = event.data;
    const { state: lead } = await this.leads.load(leadId);
    if (lead.stage === 'new') {
      // Routing only routes leads this service recorded; a decision about another lead
      // (another environment's, a test's) has nothing to act on, and retrying it would
      // hold up the partition.
      this.logger.warn(`LeadRouted ${event.eventId}: lead ${leadId} is unknown here; skipped`);
      return;
    }
    const access = await this.partners.portalAccess(partnerId);
    const { state: settings } = await this.settings.load();
    const now = this.clock.now();
    const command = routingDecisionCommand({
      partnerId,
      requireReferralAcceptance: access?.requireReferralAcceptance ?? false,
      referralTimeoutMinutes: settings.referralTimeoutMinutes,
      now,
    });
    const options = {
      actor: { type: 'system', id: event.source } as const,
      occurredAt: now.toISOString(),
      eventId: (index: number) => derivedEventId(event.eventId, index),
      correlationId: event.correlationId,
    };
    if (command.type === 'ReferLead') {
      await this.leads.issue('ReferLead', leadId, command.data, options);
    } else {
      await this.leads.issue('AllocateLead', leadId, command.data, options);
    }
  }
}
