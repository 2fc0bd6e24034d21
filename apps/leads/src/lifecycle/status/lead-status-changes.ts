import { Inject, Injectable } from '@nestjs/common';
import type { LeadActor } from '@leadrail/leads-domain';
import { type LeadCommandOutcome, LeadCommands } from '../../lead/lead-commands';
import { LeadSettingsCommands } from '../../settings/lead-settings-commands';

/**
 * A delivered lead's status, set against the operators' catalogue in force
 * now: the lead aggregate refuses a status not in it (400 naming `status`)
 * and one standing for a billing point behind the lead's (409).
 */
@Injectable()
export class LeadStatusChanges {
  constructor(
    @Inject(LeadCommands) private readonly leads: LeadCommands,
    @Inject(LeadSettingsCommands) private readonly settings: LeadSettingsCommands,
  ) {}

  async change(leadId: string, status: string, actor: LeadActor): Promise<LeadCommandOutcome> {
    const { state } = await this.settings.load();
    return this.leads.issue(
      'ChangeLeadStatus',
      leadId,
      { status, catalogue: { statuses: state.statuses } },
      { actor },
    );
  }
}
