import { Inject, Injectable } from '@nestjs/common';
import type { LeadContactDetails } from '@leadrail/leads-domain';
import { PersonalDataKeys } from '../personal-data/personal-data-keys';
import { openContact } from '../personal-data/seal-contact';
import type { LeadDetailRow } from './lead-search-row';

/**
 * Opens the sealed contact a lead's row keeps, with the lead's key as it is
 * now: once the key is erased nothing opens it, even if the row has not yet
 * seen `LeadPersonalDataErased`.
 */
@Injectable()
export class LeadContactOpener {
  constructor(@Inject(PersonalDataKeys) private readonly keys: PersonalDataKeys) {}

  async open(row: LeadDetailRow): Promise<LeadContactDetails | null> {
    if (row.personal === null) {
      return null;
    }
    const key = await this.keys.lookup(row.lead_id);
    return key.state === 'present' ? openContact(row.personal, key.key) : null;
  }
}
