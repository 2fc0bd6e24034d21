import { templateValues } from '@leadrail/delivery-templates';
import { renderEmailText } from './render-email-text';
import { sampleEmailInput } from './sample-email-input';

const NOW = new Date('2026-03-01T09:00:00Z');

describe('renderEmailText', () => {
  it('lists every field of the lead', () => {
    const values = templateValues(sampleEmailInput(NOW));
    expect(renderEmailText(values, 'New lead: mortgage 6f1c')).toBe(
      [
        'New lead: mortgage 6f1c',
        '',
        'Name: Jane Doe',
        'Email: jane.doe@example.com',
        'Phone: +447700900123',
        'Address:',
        '  1 High Street',
        '  Flat 2',
        '  London SW1A 1AA',
        '  GB',
        '',
        'Answers:',
        '  Property value: 350000',
        '  Mortgage type: Remortgage',
        '  First time buyer: No',
        '  Best time to call: Weekday evenings, after 6pm.',
        '    Mobile preferred.',
        '',
        'Lead type: mortgage',
        'Lead value: 12.50 GBP',
        'Received: 2025-03-14T09:30:00Z',
        'Introducer reference: INTRO-00042',
        'Lead id: 6f1c2b7e-3d4a-4f8b-9c2d-1e5f7a9b0c3d',
        'Delivery id: 3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a',
        '',
        'Sent by LeadRail to Acme Mortgages.',
        '',
      ].join('\n'),
    );
  });

  it('leaves out what the lead lacks, and keeps hostile values as plain text on their lines', () => {
    const input = sampleEmailInput(NOW);
    const values = templateValues({
      ...input,
      lead: {
        ...input.lead,
        firstName: '<script>alert(1)</script>',
        lastName: 'Doe\r\nInjected: line',
        email: undefined,
        phone: undefined,
        address: undefined,
        externalReference: undefined,
        answers: { notes: 'a\r\nb\u0007c ]]> 👍🏽' },
      },
    });
    const text = renderEmailText(values, 'Subject');
    expect(text).toContain('Name: <script>alert(1)</script> Doe Injected: line\n');
    expect(text).toContain('Answers:\n  Notes: a\n    b c ]]> 👍🏽\n');
    expect(text).not.toMatch(/Email:|Phone:|Address:|Introducer reference:/);
  });
});
