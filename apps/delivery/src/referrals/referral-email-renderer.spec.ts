import type { ReferralEmailInput } from '@leadrail/delivery-domain';
import { ReferralEmailRenderer } from './referral-email-renderer';

const HOSTILE = '<script>alert(1)</script>"\' onmouseover="x" &amp; lrrefaccepturlx';

const INPUT: ReferralEmailInput = {
  leadId: '0b7f6a52-3c1e-4d8a-9f2b-6e5d4c3b2a19',
  leadType: 'mortgage',
  area: { country: 'GB', city: `Manchester ${HOSTILE}`, postcodeDistrict: 'M14' },
  answers: {
    property_value: 350000,
    first_time_buyer: true,
    notes: `line one\n${HOSTILE}\nline three`,
  },
  expiresAt: '2026-11-25T10:00:02.123Z',
  partner: { name: `Northway ${HOSTILE}`, timeZone: 'Europe/London' },
  links: {
    accept: 'https://leads.example.com/referral-links/accept?token=AAA.BBB',
    decline: 'https://leads.example.com/referral-links/decline?token=CCC.DDD',
  },
};

/** The HTML's markup, with every escaped text and attribute value taken out. */
function markupOf(html: string): string {
  return html.replace(/"[^"]*"/g, '""').replace(/>[^<]*</g, '><');
}

describe('the referral email', () => {
  const renderer = new ReferralEmailRenderer();

  it('shows the offer with both links, responsive, and every value escaped', async () => {
    const email = await renderer.render(INPUT);

    expect(email.subject).toBe(`Lead offered: mortgage, M14, Manchester ${HOSTILE}, GB`);
    expect(email.html).toContain('<meta name="viewport"');
    expect(email.html).toContain('@media only screen and (min-width:480px)');
    expect(email.html).toContain(
      'href="https://leads.example.com/referral-links/accept?token=AAA.BBB"',
    );
    expect(email.html).toContain(
      'href="https://leads.example.com/referral-links/decline?token=CCC.DDD"',
    );
    expect(email.html).toContain('Wed, 25 Nov 2026, 10:00 GMT');
    expect(email.html).toContain('2026-11-25T10:00:02.123Z');
    expect(email.html).toContain('Property value');
    expect(email.html).toContain('350000');
    // Hostile values are text: escaped wherever they stand, never markup, never a token again.
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39; onmouseover=');
    expect(email.html).toContain('&amp;amp; lrrefaccepturlx');
    expect(email.html).not.toContain('onmouseover="x"');
    expect(email.html).not.toContain('&amp;amp; https://leads.example.com');
    expect(markupOf(email.html)).not.toMatch(/<script|\son[a-z]+=/i);
    expect(email.html).toContain('line one<br />&lt;script&gt;');

    expect(email.text).toContain(
      'Accept: https://leads.example.com/referral-links/accept?token=AAA.BBB',
    );
    expect(email.text).toContain(
      'Decline: https://leads.example.com/referral-links/decline?token=CCC.DDD',
    );
    expect(email.text).toContain(
      'Answer by: Wed, 25 Nov 2026, 10:00 GMT (2026-11-25T10:00:02.123Z)',
    );
    expect(email.text).toContain(`  Notes: line one\n    ${HOSTILE}\n    line three`);
    expect(email.text).toContain('  First time buyer: Yes');
    expect(email.text).toContain(`Area: M14, Manchester ${HOSTILE}, GB`);
  });

  it('says to answer in the portal when links are not set up', async () => {
    const email = await renderer.render({
      ...INPUT,
      area: { country: 'GB', city: 'Manchester', postcodeDistrict: 'M14' },
      partner: { name: 'Northway', timeZone: 'Europe/London' },
      links: null,
      answers: null,
    });
    expect(email.html).not.toContain('referral-links');
    // Every place a value goes was filled: no token is left.
    expect(email.html).not.toContain('lrref');
    expect(email.html).toContain('partner portal');
    expect(email.html).toContain('No answers given.');
    expect(email.text).toContain('Accept or decline it in the LeadRail partner portal');
    expect(email.text).toContain('Answers: none given.');
    expect(email.text).not.toContain('Accept:');
  });

  it('copes with an area it does not have and a time zone it does not know', async () => {
    const email = await renderer.render({
      ...INPUT,
      area: { country: null, city: null, postcodeDistrict: null },
      partner: { name: 'Northway', timeZone: 'Nowhere/Special' },
    });
    expect(email.subject).toBe('Lead offered: mortgage, Area not given');
    expect(email.text).toContain('Answer by: Wed, 25 Nov 2026, 10:00 UTC');
  });
});
