import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { LeadContactOpener } from './lead-contact-opener';
import { LeadSearch } from './lead-search';
import { operatorLeadDetail, partnerLeadDetail, redactedReferral } from './lead-views';

/** The same answer for a lead that does not exist and one the caller may not see. */
function noSuchLead(): NotFoundException {
  return new NotFoundException({ statusCode: 404, error: 'Not Found', message: 'no such lead' });
}

/** One lead's page, for an operator or for a partner. */
@Injectable()
export class ViewLead {
  constructor(
    @Inject(LeadSearch) private readonly search: LeadSearch,
    @Inject(LeadContactOpener) private readonly contacts: LeadContactOpener,
  ) {}

  async forOperator(leadId: string): Promise<ReturnType<typeof operatorLeadDetail>> {
    const scope = { kind: 'operator' } as const;
    const row = await this.search.one(leadId, scope);
    if (row === null) {
      throw noSuchLead();
    }
    const [contact, history] = await Promise.all([
      this.contacts.open(row),
      this.search.history(leadId, scope),
    ]);
    return operatorLeadDetail(row, contact, history);
  }

  /**
   * The partner's own lead in full; a referral pending with it, redacted
   * (nothing identifies the person before it accepts); anything else, 404.
   */
  async forPartner(
    leadId: string,
    partnerId: string,
  ): Promise<ReturnType<typeof partnerLeadDetail> | ReturnType<typeof redactedReferral>> {
    const scope = { kind: 'partner', partnerId } as const;
    const row = await this.search.one(leadId, scope);
    if (row === null) {
      throw noSuchLead();
    }
    if (row.partner_id !== partnerId) {
      return redactedReferral(row);
    }
    const [contact, history] = await Promise.all([
      this.contacts.open(row),
      this.search.history(leadId, scope),
    ]);
    return partnerLeadDetail(row, contact, history);
  }
}
