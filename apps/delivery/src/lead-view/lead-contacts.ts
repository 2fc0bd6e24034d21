import { Inject, Injectable } from '@nestjs/common';
import {
  type LeadRecordedV1,
  type SealedPersonalData,
  openSealedPersonalData,
} from '@leadrail/leads-contracts';
import { DELIVERY_SETTINGS, type DeliverySettings } from '../config/delivery.env';

/** A lead's contact, as LeadReceived v1 carries it. */
export interface LeadContact {
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
  address?: { line1: string; line2?: string; city: string; postcode: string; country: string };
}

/** Why a lead's contact could not be opened: the delivery cannot be made (now, or ever). */
export class ContactUnavailableError extends Error {
  constructor(
    message: string,
    /** Erased (410): no retry will help. */
    readonly permanent: boolean,
    /** The leads service could not be reached at all: LeadRail's trouble, not an attempt. */
    readonly unreachable = false,
  ) {
    super(message);
    this.name = 'ContactUnavailableError';
  }
}

/**
 * Opens a lead's sealed contact for the moment a request is built: the key
 * comes from the leads service (`GET /leads/{id}/personal-data-key`, with
 * delivery's administrator token) and is never stored; neither is the
 * opened contact, outside the attempt log.
 */
@Injectable()
export class LeadContacts {
  constructor(@Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings) {}

  async open(lead: LeadRecordedV1['data']): Promise<LeadContact> {
    const sealed = (lead as { personal?: SealedPersonalData }).personal;
    if (sealed === undefined) {
      throw new ContactUnavailableError(`lead ${lead.leadId}: personal data erased`, true);
    }
    const url = `${this.settings.leads.url}/leads/${lead.leadId}/personal-data-key`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${this.settings.leads.token}` },
        signal: AbortSignal.timeout(5000),
      });
    } catch (error) {
      throw new ContactUnavailableError(
        `lead ${lead.leadId}: leads service unreachable (${(error as Error).message})`,
        false,
        true,
      );
    }
    // Only 410 is final; a 404 may be a wrong LEADS_URL, which must not fail every delivery.
    if (response.status === 410) {
      throw new ContactUnavailableError(`lead ${lead.leadId}: personal data erased`, true);
    }
    if (!response.ok) {
      throw new ContactUnavailableError(
        `lead ${lead.leadId}: leads service answered ${response.status} for the key`,
        false,
      );
    }
    const { key } = (await response.json()) as { key: string };
    return openSealedPersonalData(sealed, Buffer.from(key, 'base64url')) as LeadContact;
  }
}
