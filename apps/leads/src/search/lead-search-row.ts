import type { LeadState } from '@leadrail/leads-domain';
import type { SealedPersonalData } from '../personal-data/sealed-personal-data';

/** A `lead_search` row as a search page reads it. */
export interface LeadSearchRow {
  lead_id: string;
  introducer_id: string | null;
  lead_type: string | null;
  external_reference: string | null;
  stage: string;
  status: string | null;
  partner_id: string | null;
  referred_partner_id: string | null;
  recorded_at: Date;
  received_at: Date | null;
  allocated_at: Date | null;
  delivered_at: Date | null;
  country: string | null;
  city: string | null;
  postcode_district: string | null;
  duplicate_of: string | null;
  rejection_code: string | null;
  erased_at: Date | null;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  postcode: string | null;
}

/** A row as one lead's page reads it: also the sealed contact and the folded state. */
export interface LeadDetailRow extends LeadSearchRow {
  personal: SealedPersonalData | null;
  state: LeadState;
}
