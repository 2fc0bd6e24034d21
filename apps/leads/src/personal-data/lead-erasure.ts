import { Inject, Injectable } from '@nestjs/common';
import { effectiveDuplicateRules, leadNotFound, matchKeys } from '@leadrail/leads-domain';
import { CLOCK, type Clock } from '@leadrail/nest-kit';
import { DuplicateClaims } from '../intake/duplicate-claims';
import { LeadCommands } from '../lead/lead-commands';
import { LeadSettingsCommands } from '../settings/lead-settings-commands';
import { PersonalDataKeys } from './personal-data-keys';

/**
 * Erasing a person's personal data from a lead, in the order that leaves
 * nothing readable behind whatever fails: first the lead gives back its
 * de-duplication claims (computed from the contact, which is only readable
 * until the key goes, so a later lead of the same person is no longer matched
 * to the erased one), then the key is deleted, then `LeadPersonalDataErased`
 * is recorded. Each step is idempotent, so a failed erasure is simply retried.
 */
@Injectable()
export class LeadErasure {
  constructor(
    @Inject(LeadCommands) private readonly leads: LeadCommands,
    @Inject(LeadSettingsCommands) private readonly settings: LeadSettingsCommands,
    @Inject(DuplicateClaims) private readonly claims: DuplicateClaims,
    @Inject(PersonalDataKeys) private readonly keys: PersonalDataKeys,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Returns whether anything changed (false: it was erased before). */
  async erase(leadId: string, operatorId: string): Promise<boolean> {
    const { state } = await this.leads.load(leadId);
    if (state.stage === 'new') {
      throw leadNotFound(leadId);
    }
    const actor = { type: 'operator', id: operatorId } as const;
    if ('details' in state && state.details !== null && state.erasedAt === undefined) {
      const { state: settings } = await this.settings.load();
      const ruleKeys = effectiveDuplicateRules(settings.duplicateRules).map((rule) => ({
        rule,
        keys: matchKeys(state.details as NonNullable<typeof state.details>, rule),
      }));
      await this.claims.release(leadId, ruleKeys, this.clock.now().toISOString(), {
        correlationId: leadId,
        actor: { type: 'system', id: 'leads.erasure' },
      });
    }
    const keyErased = await this.keys.erase(leadId, operatorId);
    const outcome = await this.leads.issue('ErasePersonalData', leadId, {}, { actor });
    return keyErased || outcome.events.length > 0;
  }
}
