import { searchTextOf, searchableContact } from './search-text';

describe(searchTextOf.name, () => {
  const contact = searchableContact({
    firstName: 'Priya',
    lastName: 'Shah',
    email: 'Priya.Shah@Example.com',
    phone: '+447700900123',
    address: { line1: '1 High St', city: 'London', postcode: 'SW1A 1AA', country: 'GB' },
  });

  it('holds the full name, email, phone and postcode, folded, and the reference', () => {
    const text = searchTextOf(contact, 'CRM-42');
    for (const part of [
      'priya shah',
      'priya.shah@example.com',
      '+447700900123',
      'sw1a 1aa',
      'sw1a1aa',
      'crm-42',
    ]) {
      expect(text).toContain(part);
    }
    // The street is not searchable: it is shown only with the opened contact.
    expect(text).not.toContain('high st');
  });

  it('keeps only the reference once the contact is gone', () => {
    expect(searchTextOf(null, 'CRM-42')).toBe('crm-42');
    expect(searchTextOf(null, null)).toBe('');
  });
});
