import { type TemplateValues, templateValues } from '@leadrail/delivery-templates';
import { EmailTemplateErrorCode } from './email-template-error';
import {
  MAX_SUBJECT_LENGTH,
  fillEmailBody,
  prepareEmailBody,
  renderEmailSubject,
} from './render-email-template';
import { sampleEmailInput } from './sample-email-input';
import { refusalOf } from './testing/refusal-of';

const NOW = new Date('2026-03-01T09:00:00Z');
const sample = templateValues(sampleEmailInput(NOW));

function doc(body: string, head = ''): string {
  return `<mjml><mj-head>${head}</mj-head><mj-body><mj-section><mj-column>${body}</mj-column></mj-section></mj-body></mjml>`;
}

/** Prepared and filled without MJML: the prepared source stands in for its compiled HTML. */
function filled(body: string, values: TemplateValues, head = ''): string {
  const prepared = prepareEmailBody(doc(body, head));
  return fillEmailBody(prepared.mjml, prepared, values);
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  ']]><!-- -->',
  'line one\nline two\r\nline three',
  'Zoë 李小龍 👍🏽 \u202Eevil',
  '&amp; &lt;already&gt;',
  'x'.repeat(10_000),
];

describe('prepareEmailBody', () => {
  it('replaces each variable with a token MJML copies as it is', () => {
    const prepared = prepareEmailBody(
      doc('<mj-text>{{ lead.first_name }} {{ "{{" }} {{lead.id}}</mj-text>'),
    );
    expect(prepared.mjml).toContain('<mj-text>lrvar0x {{ lrvar1x</mj-text>');
    expect(prepared.slots).toEqual([
      {
        name: 'lead.first_name',
        kind: 'value',
        optional: false,
        context: { kind: 'text', flow: 'block' },
      },
      { name: 'lead.id', kind: 'value', optional: false, context: { kind: 'text', flow: 'block' } },
    ]);
  });

  it('picks tokens the template does not contain', () => {
    const prepared = prepareEmailBody(doc('<mj-text>lrvar0x lrvarq {{ lead.id }}</mj-text>'));
    expect(prepared.tokenPrefix).toBe('lrvarqq');
    expect(fillEmailBody(prepared.mjml, prepared, sample)).toContain(
      `lrvar0x lrvarq ${String(sample['lead.id'])}`,
    );
  });

  it('refuses a template with problems', () => {
    expect(
      refusalOf(() => prepareEmailBody(doc('<mj-text color="{{ lead.type }}">x</mj-text>'))),
    ).toMatchObject({
      code: EmailTemplateErrorCode.INVALID_EMAIL_TEMPLATE,
      problems: [expect.objectContaining({ code: 'VARIABLE_NOT_ALLOWED_HERE' })],
    });
  });
});

describe('fillEmailBody', () => {
  it.each(HOSTILE)('writes %j as text only, in text and attributes', (hostile) => {
    const values = { ...sample, 'lead.first_name': hostile };
    const html = filled(
      '<mj-text><p title="{{ lead.first_name }}">{{ lead.first_name }}</p></mj-text>',
      values,
      '<mj-title>{{ lead.first_name }}</mj-title>',
    );
    const escaped = hostile
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');
    expect(html).toContain(`<p title="${escaped}">${escaped}</p>`);
    expect(html).toContain(`<mj-title>${escaped}</mj-title>`);
    // Nothing of the value is markup: the document's tags and quotes are the template's.
    const benign = filled(
      '<mj-text><p title="{{ lead.first_name }}">{{ lead.first_name }}</p></mj-text>',
      { ...sample, 'lead.first_name': 'Jane' },
      '<mj-title>{{ lead.first_name }}</mj-title>',
    );
    for (const special of ['<', '>', '"', "'"]) {
      expect(html.split(special).length).toBe(benign.split(special).length);
    }
  });

  it('replaces what XML cannot carry', () => {
    const html = filled('<mj-text>{{ lead.first_name }}</mj-text>', {
      ...sample,
      'lead.first_name': 'a\u0000b\u0007c\uD800d',
    });
    expect(html).toContain('<mj-text>a\uFFFDb\uFFFDc\uFFFDd</mj-text>');
  });

  it('percent-encodes values in links, keeping @ and + of addresses and numbers', () => {
    const values = {
      ...sample,
      'lead.email': 'jane+leads@example.com?bcc=x@evil.example',
      'lead.phone': '+44 7700 "900123"',
      'lead.id': 'a/b?c=d&e#f "g" \'h\' <i>',
    };
    const html = filled(
      '<mj-text><a href="mailto:{{ lead.email }}">m</a><a href="tel:{{ lead.phone }}">t</a><a href="https://crm.example/l/{{ lead.id }}">l</a></mj-text>',
      values,
    );
    expect(html).toContain('href="mailto:jane+leads@example.com%3Fbcc%3Dx@evil.example"');
    expect(html).toContain('href="tel:+44%207700%20%22900123%22"');
    expect(html).toContain(
      'href="https://crm.example/l/a%2Fb%3Fc%3Dd%26e%23f%20%22g%22%20%27h%27%20%3Ci%3E"',
    );
  });

  it('renders the answers table and the address from the values, escaped', () => {
    const values = templateValues({
      ...sampleEmailInput(NOW),
      lead: {
        ...sampleEmailInput(NOW).lead,
        address: { line1: '1 <b>High</b> St', city: 'Zürich', postcode: '', country: 'CH' },
        answers: { notes: 'first\nsecond <script>', agreed: true, budget: 1200 },
      },
    });
    const html = filled(
      '<mj-text>{{ lead.answers_table }}</mj-text><mj-table><tr><td>{{ lead.address }}</td></tr></mj-table>',
      values,
    );
    expect(html).toContain('>Notes</td>');
    expect(html).toContain('>first<br />second &lt;script&gt;</td>');
    expect(html).toContain('>Agreed</td><td style="');
    expect(html).toContain('>Yes</td>');
    expect(html).toContain('>1200</td>');
    expect(html).toContain('<td>1 &lt;b&gt;High&lt;/b&gt; St<br />Zürich<br />CH</td>');
    expect(html).not.toContain('<script>');
  });

  it('says so when a lead has no answers', () => {
    const values = templateValues({
      ...sampleEmailInput(NOW),
      lead: { ...sampleEmailInput(NOW).lead, answers: {} },
    });
    expect(filled('<mj-text>{{ lead.answers_table }}</mj-text>', values)).toContain(
      'No answers given.',
    );
  });

  it('leaves missing optional values empty and refuses missing required ones', () => {
    const values = { ...sample, 'lead.email': undefined, 'lead.answers.unknown': undefined };
    expect(
      filled('<mj-text>[{{ lead.email }}][{{ lead.answers.colour }}]</mj-text>', values),
    ).toContain('<mj-text>[][]</mj-text>');
    expect(
      refusalOf(() =>
        filled('<mj-text>{{ lead.first_name }} {{ delivery.id }}</mj-text>', {
          ...sample,
          'lead.first_name': undefined,
          'delivery.id': null,
        }),
      ),
    ).toMatchObject({
      code: EmailTemplateErrorCode.MISSING_REQUIRED_VALUES,
      message: 'no value for lead.first_name, delivery.id, which every lead has',
    });
  });

  it('never reads a value off the prototype', () => {
    const values = Object.create({ 'lead.email': 'inherited@example.com' }) as TemplateValues;
    const prepared = prepareEmailBody(doc('<mj-text>[{{ lead.email }}]</mj-text>'));
    expect(fillEmailBody(prepared.mjml, prepared, values)).toContain('[]');
  });
});

describe('renderEmailSubject', () => {
  it('fills the subject', () => {
    expect(renderEmailSubject('New lead: {{ lead.type }} {{ lead.id }}', sample)).toBe(
      `New lead: mortgage ${String(sample['lead.id'])}`,
    );
  });

  it('keeps values on one line, so none can add a header', () => {
    const values = {
      ...sample,
      'lead.type': 'mortgage\r\nBcc: victim@example.com\n\nbody',
      'lead.full_name': '\t<script>"quoted"</script>\u0000 ]]> 👍🏽 ',
    };
    expect(renderEmailSubject('New {{ lead.type }} from {{ lead.full_name }}', values)).toBe(
      'New mortgage Bcc: victim@example.com body from <script>"quoted"</script> ]]> 👍🏽',
    );
  });

  it('cuts a long subject, never inside a character', () => {
    const values = { ...sample, 'lead.type': '👍🏽'.repeat(400) };
    const subject = renderEmailSubject('Lead {{ lead.type }}', values);
    expect(Array.from(new Intl.Segmenter().segment(subject))).toHaveLength(MAX_SUBJECT_LENGTH);
    expect(subject.endsWith('👍🏽…')).toBe(true);
  });

  it('writes literal braces and refuses a missing required value', () => {
    expect(renderEmailSubject('{{ "{{" }} x }} {{ lead.answers.none }}', sample)).toBe('{{ x }}');
    expect(
      refusalOf(() => renderEmailSubject('{{ lead.id }}', { ...sample, 'lead.id': undefined })),
    ).toMatchObject({ code: EmailTemplateErrorCode.MISSING_REQUIRED_VALUES });
  });
});
