import type { LeadContactDetails } from '@leadrail/leads-domain';
import { areaOf } from './lead-area';

function livingAt(postcode: string, country = 'GB', city = 'London'): LeadContactDetails {
  return {
    firstName: 'Priya',
    lastName: 'Shah',
    address: { line1: '1 Parliament Street', city, postcode, country },
  };
}

describe(areaOf.name, () => {
  it('keeps the country, the town and a UK postcode’s outward code', () => {
    expect(areaOf(livingAt('SW1A 1AA'))).toEqual({
      country: 'GB',
      city: 'London',
      postcodeDistrict: 'SW1A',
    });
  });

  it.each([
    ['M14 5RL', 'M14'],
    ['W1A 0AX', 'W1A'],
    ['EC1A 1BB', 'EC1A'],
    ['B1 1AA', 'B1'],
    ['CR2 6XH', 'CR2'],
    ['DN55 1PT', 'DN55'],
  ])('gives %s the district %s', (postcode, district) => {
    expect(areaOf(livingAt(postcode)).postcodeDistrict).toBe(district);
  });

  it('reads a postcode however it is spaced or cased', () => {
    // Without a space the inward code is still the last digit and two letters.
    expect(areaOf(livingAt('sw1a1aa')).postcodeDistrict).toBe('SW1A');
    expect(areaOf(livingAt('SW1A1AA')).postcodeDistrict).toBe('SW1A');
    expect(areaOf(livingAt('  sw1a   1aa ')).postcodeDistrict).toBe('SW1A');
    expect(areaOf(livingAt('m145rl')).postcodeDistrict).toBe('M14');
  });

  it('reads the country in any case', () => {
    expect(areaOf(livingAt('SW1A 1AA', 'gb'))).toMatchObject({
      country: 'GB',
      postcodeDistrict: 'SW1A',
    });
  });

  it('gives no district for a UK postcode without an inward code', () => {
    expect(areaOf(livingAt('SW1A')).postcodeDistrict).toBeNull();
    expect(areaOf(livingAt('1AA')).postcodeDistrict).toBeNull();
    expect(areaOf(livingAt('not a postcode')).postcodeDistrict).toBeNull();
  });

  it('leaves out other countries’ postcodes, which can be as fine as a street', () => {
    expect(areaOf(livingAt('75008', 'fr', ' Paris '))).toEqual({
      country: 'FR',
      city: 'Paris',
      postcodeDistrict: null,
    });
    // Only GB is read as UK: "UK" is not the ISO code, so nothing is guessed.
    expect(areaOf(livingAt('SW1A 1AA', 'UK')).postcodeDistrict).toBeNull();
    expect(areaOf(livingAt('D02 X285', 'IE')).postcodeDistrict).toBeNull();
  });

  it('knows nothing of where a contact without an address is', () => {
    expect(areaOf({ firstName: 'Tom', lastName: "O'Connor", phone: '+447700900456' })).toEqual({
      country: null,
      city: null,
      postcodeDistrict: null,
    });
  });

  it('never returns the inward code, the part that narrows a postcode to a street', () => {
    const area = areaOf(livingAt('SW1A 1AA'));
    expect(JSON.stringify(area)).not.toContain('1AA');
  });
});
