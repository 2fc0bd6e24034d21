import type { LeadContactDetails } from '@leadrail/leads-domain';
import type { LeadArea } from './sealed-personal-data';

// A full UK postcode is the outward code, a space, then digit + two letters.
const UK_INWARD = /\s*\d[A-Z]{2}$/;

/**
 * The coarse area of a contact: country, town and, for UK postcodes, the
 * outward code (`SW1A 1AA` → `SW1A`, some thousands of addresses). Other
 * countries' postcodes can be as fine as a street, so they are left out.
 */
export function areaOf(contact: LeadContactDetails): LeadArea {
  const address = contact.address;
  if (address === undefined) {
    return { country: null, city: null, postcodeDistrict: null };
  }
  const country = address.country.toUpperCase();
  const postcode = address.postcode.toUpperCase().replace(/\s+/g, ' ').trim();
  const district =
    country === 'GB' && UK_INWARD.test(postcode) ? postcode.replace(UK_INWARD, '').trim() : '';
  return {
    country,
    city: address.city.trim(),
    postcodeDistrict: district === '' ? null : district,
  };
}
