import { type LeadContactDetails, toE164 } from '@leadrail/leads-domain';

/** The personal fields search filters and shows, as opened from the lead's sealed contact. */
export interface SearchableContact {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  postcode: string | null;
}

// Between fields: a query cannot run from one field into the next (no one types it).
const FIELD_SEPARATOR = '\u001f';

/** Case, width and spacing folded the same way for what is stored and what is asked. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The searchable fields of a contact. */
export function searchableContact(contact: LeadContactDetails): SearchableContact {
  return {
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email ?? null,
    phone: contact.phone ?? null,
    postcode: contact.address?.postcode ?? null,
  };
}

/**
 * The one lower-cased text a lead is searched by: full name, email, phone (as
 * sent and in E.164), postcode (as sent and without spaces) and the
 * introducer's reference. With no contact (erased, or never opened) only the
 * reference remains, so the person can no longer be found.
 */
export function searchTextOf(
  contact: SearchableContact | null,
  externalReference: string | null,
): string {
  const parts: (string | null)[] = [externalReference];
  if (contact !== null) {
    parts.push(`${contact.firstName} ${contact.lastName}`, contact.email, contact.phone);
    if (contact.phone !== null) {
      parts.push(toE164(contact.phone));
    }
    if (contact.postcode !== null) {
      parts.push(contact.postcode, contact.postcode.replace(/\s+/g, ''));
    }
  }
  const folded = parts.filter((part): part is string => part !== null).map(foldForSearch);
  return [...new Set(folded)].filter((part) => part !== '').join(FIELD_SEPARATOR);
}

/**
 * The LIKE patterns a query matches by: the folded text, and for something
 * that reads as a phone number its E.164 form too (`07700 900123` finds
 * `+447700900123`). `%`, `_` and `\` are escaped: the query is text, not a pattern.
 */
export function searchPatternsOf(query: string): string[] {
  const folded = foldForSearch(query);
  const phone = /^[\d\s()+.-]+$/.test(query) ? toE164(query) : null;
  const terms = phone === null || phone === folded ? [folded] : [folded, phone];
  return terms.map((term) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}
