import type { AnswerValue } from './routing-partner';

/** Where the person a lead is about lives. */
export interface LeadArea {
  /** ISO 3166-1 alpha-2, upper case (`GB`). */
  country: string;
  city: string | null;
  /**
   * The outward code of a UK postcode (`SW1A`, `M1`), upper case; null when
   * the lead has no UK postcode (then no postcode filter matches it).
   */
  postcodeDistrict: string | null;
}

/** A recorded lead as routing decides on it (from `leadrail.leads.v1`). */
export interface LeadToRoute {
  leadId: string;
  leadType: string;
  area: LeadArea;
  /** The form's answers by question key. */
  answers: Readonly<Record<string, AnswerValue>>;
  /** When leads recorded it: ISO 8601 UTC. */
  recordedAt: string;
}
