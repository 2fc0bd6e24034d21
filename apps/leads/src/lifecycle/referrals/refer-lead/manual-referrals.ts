import { Inject, Injectable } from '@nestjs/common';
import type { LeadActor } from '@leadrail/leads-domain';
import { CLOCK, type Clock } from '@leadrail/nest-kit';
import { type LeadCommandOutcome, LeadCommands } from '../../../lead/lead-commands';
import { LeadSettingsCommands } from '../../../settings/lead-settings-commands';

const MINUTE_MS = 60_000;

/**
 * An operator's referral of a lead: it expires `referralTimeoutMinutes` (the
 * setting in force now) after it is made. Routing will make the same command.
 */
@Injectable()
export class ManualReferrals {
  constructor(
    @Inject(LeadCommands) private readonly leads: LeadCommands,
    @Inject(LeadSettingsCommands) private readonly settings: LeadSettingsCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async refer(leadId: string, partnerId: string, actor: LeadActor): Promise<LeadCommandOutcome> {
    const { state } = await this.settings.load();
    // One instant for both: the expiry is measured from the referral itself.
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + state.referralTimeoutMinutes * MINUTE_MS);
    return this.leads.issue(
      'ReferLead',
      leadId,
      { partnerId, expiresAt: expiresAt.toISOString() },
      { actor, occurredAt: now.toISOString() },
    );
  }
}
