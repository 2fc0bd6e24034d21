import {
  DEFAULT_EMAIL_TEMPLATE,
  EmailTemplateError,
  sampleEmailInput,
} from '@leadrail/delivery-domain';
import type { TemplateInput } from '@leadrail/delivery-templates';
import { EmailRenderer } from './email-renderer';

const NOW = new Date('2026-03-01T09:00:00Z');

function lead(change: Partial<TemplateInput['lead']>): TemplateInput {
  const sample = sampleEmailInput(NOW);
  return { ...sample, lead: { ...sample.lead, ...change } };
}

/**
 * Tags, attributes and quotes of a document: what values must never add. Line
 * breaks are left out: the answers table writes an answer's lines with `<br />`.
 */
function structure(html: string): Record<string, number> {
  return {
    tags: (html.replace(/<br \/>/g, '').match(/<[a-zA-Z!/]/g) ?? []).length,
    quotes: (html.match(/"/g) ?? []).length,
    apostrophes: (html.match(/'/g) ?? []).length,
  };
}

const HOSTILE: [string, string][] = [
  ['a script', '<script>alert(1)</script>'],
  ['an attribute breakout', "\"><img src=x onerror=alert(1)> ' onmouseover='x"],
  ['CDATA and comment ends', ']]> --> <![CDATA[ <!--'],
  ['line breaks', 'one\ntwo\r\nthree\rfour'],
  ['unicode', 'Zoë 李小龍 👍🏽 مرحبا \u202Eevil\u202C'],
  ['entities', '&amp; &lt;b&gt; &#60;'],
  ['a very long value', 'W'.repeat(20_000)],
];

describe('EmailRenderer', () => {
  const renderer = new EmailRenderer();

  it('renders the default template: subject, a full HTML document, and the text part', async () => {
    const email = await renderer.render(DEFAULT_EMAIL_TEMPLATE, sampleEmailInput(NOW));
    expect(email.subject).toBe('New lead: mortgage 6f1c2b7e-3d4a-4f8b-9c2d-1e5f7a9b0c3d');
    expect(email.html).toMatch(/^<!doctype html>/i);
    expect(email.html).toContain('<title>New lead: mortgage</title>');
    for (const shown of [
      'Jane Doe',
      'href="mailto:jane.doe@example.com"',
      '>jane.doe@example.com</a>',
      'href="tel:+447700900123"',
      '1 High Street<br />Flat 2<br />London SW1A 1AA<br />GB',
      '>Property value</td>',
      '>350000</td>',
      '>First time buyer</td>',
      '>Weekday evenings, after 6pm.<br />Mobile preferred.</td>',
      '>mortgage</td>',
      '>12.50 GBP</td>',
      '>6f1c2b7e-3d4a-4f8b-9c2d-1e5f7a9b0c3d</td>',
      '>3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a</td>',
      'Sent by LeadRail to Acme Mortgages.',
    ]) {
      expect(email.html).toContain(shown);
    }
    expect(email.html).not.toMatch(/lrvar|\{\{/);
    // Responsive: MJML's media query stacks the two columns on narrow screens.
    expect(email.html).toContain('@media only screen and (min-width:480px)');
    expect(email.text).toContain('Name: Jane Doe\nEmail: jane.doe@example.com\n');
  });

  it.each(HOSTILE)('writes %s in every field as text, never markup', async (_case, hostile) => {
    const benign = await renderer.render(
      DEFAULT_EMAIL_TEMPLATE,
      lead({
        firstName: 'Jane',
        lastName: 'Doe',
        address: { line1: 'a', city: 'b', postcode: 'c', country: 'd' },
        answers: { notes: 'calm', other: 'x' },
      }),
    );
    const attacked = await renderer.render(
      DEFAULT_EMAIL_TEMPLATE,
      lead({
        firstName: hostile,
        lastName: hostile,
        externalReference: hostile,
        phone: hostile,
        email: hostile,
        address: { line1: hostile, city: hostile, postcode: hostile, country: hostile },
        answers: { notes: hostile, other: hostile },
        type: hostile,
      }),
    );
    expect(structure(attacked.html)).toEqual(structure(benign.html));
    expect(attacked.html).not.toContain('<script');
    expect(attacked.html).not.toContain('<img');
    expect(attacked.subject).not.toMatch(/[\r\n]/);
    expect(attacked.text).toContain(`Introducer reference: ${hostile.replace(/\r\n?|\n/g, ' ')}`);
  });

  it('keeps unicode as it is', async () => {
    const email = await renderer.render(
      DEFAULT_EMAIL_TEMPLATE,
      lead({ firstName: 'Zoë', lastName: '李小龍 👍🏽' }),
    );
    expect(email.html).toContain('Zoë 李小龍 👍🏽');
    expect(email.text).toContain('Name: Zoë 李小龍 👍🏽');
  });

  it('compiles a template once and renders each lead into it', async () => {
    const own = {
      subject: 'Lead {{ lead.id }}',
      mjml: '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ lead.first_name }}</mj-text></mj-column></mj-section></mj-body></mjml>',
    };
    const first = await renderer.render(own, lead({ firstName: 'Ann' }));
    const second = await renderer.render(own, lead({ firstName: 'Bob' }));
    expect(first.html).toContain('Hi Ann');
    expect(second.html).toContain('Hi Bob');
    expect(second.html.replace('Bob', 'Ann')).toBe(first.html);
  });

  describe('check', () => {
    const body = (inner: string) =>
      `<mjml>\n<mj-body>\n<mj-section><mj-column>\n${inner}\n</mj-column></mj-section>\n</mj-body>\n</mjml>`;

    it('passes the default template', async () => {
      await expect(renderer.check(DEFAULT_EMAIL_TEMPLATE)).resolves.toEqual([]);
    });

    it('runs MJML strictly: unknown attributes and elements, elements out of place', async () => {
      const problems = await renderer.check({
        subject: 'x',
        mjml: body('<mj-text colour="red">{{ lead.id }}</mj-text>\n<mj-unknown />'),
      });
      expect(problems).toEqual([
        expect.objectContaining({
          field: 'mjml',
          code: 'INVALID_MJML',
          line: 4,
          message: expect.stringContaining('Attribute colour is illegal') as string,
        }),
        expect.objectContaining({
          line: 5,
          message: expect.stringContaining('mj-unknown') as string,
        }),
      ]);
      const misplaced = await renderer.check({
        subject: 'x',
        mjml: '<mjml><mj-body><mj-text>x</mj-text></mj-body></mjml>',
      });
      expect(misplaced).toEqual([
        expect.objectContaining({
          message: expect.stringContaining('cannot be used inside mj-body') as string,
        }),
      ]);
    });

    it('reports the domain’s problems first, without running MJML on a body that has some', async () => {
      const problems = await renderer.check({
        subject: 'Lead {{ lead.answers_table }}',
        mjml: body('<mj-text colour="{{ lead.id }}">x</mj-text>'),
      });
      expect(problems.map((problem) => [problem.field, problem.code])).toEqual([
        ['subject', 'VARIABLE_NOT_ALLOWED_HERE'],
        ['mjml', 'VARIABLE_NOT_ALLOWED_HERE'],
      ]);
    });

    it('reports MJML that does not parse', async () => {
      const problems = await renderer.check({ subject: 'x', mjml: '<mjml' });
      expect(problems).toEqual([expect.objectContaining({ field: 'mjml' })]);
    });
  });

  it('refuses to render a template that is not valid', async () => {
    await expect(
      renderer.render({ subject: '', mjml: '<mjml></mjml>' }, sampleEmailInput(NOW)),
    ).rejects.toBeInstanceOf(EmailTemplateError);
  });
});
