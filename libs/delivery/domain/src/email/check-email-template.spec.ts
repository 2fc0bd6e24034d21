import { MAX_MJML_LENGTH, analyseEmailSubject, checkEmailTemplate } from './check-email-template';
import { DEFAULT_EMAIL_TEMPLATE } from './default-email-template';
import { EmailTemplateProblemCode as Code } from './email-template-error';
import { EMAIL_TEMPLATE_VARIABLES, findEmailTemplateVariable } from './email-variables';

/** A document with `head` in its head and `body` in one column. */
function mjml(body: string, head = ''): string {
  return `<mjml>\n<mj-head>${head}</mj-head>\n<mj-body><mj-section><mj-column>\n${body}\n</mj-column></mj-section></mj-body>\n</mjml>`;
}

function bodyProblems(body: string, head = '') {
  return checkEmailTemplate({ subject: 'Lead', mjml: mjml(body, head) });
}

describe('checkEmailTemplate', () => {
  it('finds nothing wrong with the default template', () => {
    expect(checkEmailTemplate(DEFAULT_EMAIL_TEMPLATE)).toEqual([]);
  });

  it('knows the delivery templates’ variables, answers, and email’s own', () => {
    expect(findEmailTemplateVariable('lead.first_name')).toMatchObject({ kind: 'value' });
    expect(findEmailTemplateVariable('lead.answers.property_value')).toMatchObject({
      kind: 'value',
      optional: true,
    });
    expect(findEmailTemplateVariable('lead.answers_table')).toMatchObject({ kind: 'block-html' });
    expect(findEmailTemplateVariable('lead.address')).toMatchObject({ kind: 'inline-html' });
    expect(findEmailTemplateVariable('lead.answers.Bad-Key')).toBeUndefined();
    expect(findEmailTemplateVariable('constructor')).toBeUndefined();
    expect(EMAIL_TEMPLATE_VARIABLES.map((variable) => variable.name)).toContain('delivery.id');
  });

  it('points at an unknown variable, with a suggestion', () => {
    expect(bodyProblems('<mj-text>Hi {{ lead.frist_name }}</mj-text>')).toEqual([
      {
        field: 'mjml',
        code: Code.UNKNOWN_VARIABLE,
        message: 'unknown variable "lead.frist_name": did you mean "lead.first_name"?',
        line: 4,
        column: 16,
        variable: 'lead.frist_name',
        suggestion: 'lead.first_name',
      },
    ]);
    expect(bodyProblems('<mj-text>{{ answers_table }}</mj-text>')).toEqual([
      expect.objectContaining({ suggestion: 'lead.answers_table' }),
    ]);
  });

  it.each([
    ['an unclosed tag', '<mj-text>{{ lead.id </mj-text>', Code.UNCLOSED_BRACES],
    ['a filter', '<mj-text>{{ lead.id | upper }}</mj-text>', Code.INVALID_EXPRESSION],
    ['triple braces', '<mj-text>{{{ lead.id }}}</mj-text>', Code.INVALID_EXPRESSION],
    ['code', '<mj-text>{{ constructor.constructor("x")() }}</mj-text>', Code.INVALID_EXPRESSION],
    ['an empty tag', '<mj-text>{{ }}</mj-text>', Code.INVALID_EXPRESSION],
  ])('refuses %s', (_case, body, code) => {
    expect(bodyProblems(body)).toEqual([expect.objectContaining({ field: 'mjml', code })]);
  });

  it('writes literal braces as {{ "{{" }}, also inside attributes', () => {
    expect(bodyProblems('<mj-text title="{{ "{{" }}">{{ "{{" }} x }}</mj-text>')).toEqual([]);
  });

  describe('where a variable may stand', () => {
    it.each([
      ['text of <mj-text>', '<mj-text>{{ lead.full_name }}</mj-text>'],
      ['nested HTML in <mj-text>', '<mj-text><p><b>{{ lead.full_name }}</b></p></mj-text>'],
      ['text of <mj-button>', '<mj-button href="https://example.com">{{ lead.id }}</mj-button>'],
      ['a cell of <mj-table>', '<mj-table><tr><td>{{ lead.phone }}</td></tr></mj-table>'],
      ['<mj-raw>', '<mj-raw><p>{{ lead.id }}</p></mj-raw>'],
      ['alt', '<mj-image src="https://example.com/a.png" alt="{{ lead.full_name }}" />'],
      ['title, single-quoted', "<mj-text><span title='{{ lead.full_name }}'>x</span></mj-text>"],
      ['href after mailto:', '<mj-text><a href="mailto:{{ lead.email }}">mail</a></mj-text>'],
      ['href after tel:', '<mj-button href="tel:{{ lead.phone }}">call</mj-button>'],
      [
        'src after https:// and a host',
        '<mj-image src="https://img.example/{{ lead.type }}.png" />',
      ],
      [
        'href after https:// with a path',
        '<mj-button href="https://crm.example.com/leads/{{ lead.id }}?d={{ delivery.id }}">open</mj-button>',
      ],
      ['the answers table in <mj-text>', '<mj-text>{{ lead.answers_table }}</mj-text>'],
      ['the address in a table cell', '<mj-table><tr><td>{{ lead.address }}</td></tr></mj-table>'],
    ])('in %s', (_case, body) => {
      expect(bodyProblems(body)).toEqual([]);
    });

    it('in <mj-title> and <mj-preview>', () => {
      expect(
        bodyProblems(
          '<mj-text>x</mj-text>',
          '<mj-title>{{ lead.type }}</mj-title><mj-preview>{{ lead.full_name }}</mj-preview>',
        ),
      ).toEqual([]);
    });

    it.each([
      ['a tag name', '<mj-{{ lead.type }}>x</mj-text>'],
      ['an attribute name', '<mj-text {{ lead.type }}="1">x</mj-text>'],
      ['an unquoted attribute', '<mj-text><a href=https://x/{{ lead.id }}>x</a></mj-text>'],
      ['a style attribute', '<mj-text><span style="color:{{ lead.type }}">x</span></mj-text>'],
      ['an MJML style attribute', '<mj-text color="{{ lead.type }}">x</mj-text>'],
      ['css-class', '<mj-text css-class="{{ lead.type }}">x</mj-text>'],
      ['an event handler', '<mj-text><b onclick="{{ lead.id }}">x</b></mj-text>'],
      ['the start of an href', '<mj-button href="{{ lead.email }}">x</mj-button>'],
      ['an href of another scheme', '<mj-text><a href="javascript:{{ lead.id }}">x</a></mj-text>'],
      ['an href whose scheme is a value', '<mj-button href="{{ lead.type }}:x">x</mj-button>'],
      [
        'the host of a link',
        '<mj-button href="https://{{ lead.type }}.example.com/">x</mj-button>',
      ],
      [
        'a link without a path',
        '<mj-button href="https://crm.example.com{{ lead.id }}">x</mj-button>',
      ],
      ['a comment', '<mj-text><!-- {{ lead.id }} --></mj-text>'],
      ['a CDATA section', '<mj-raw><![CDATA[ {{ lead.id }} ]]></mj-raw>'],
      ['a script', '<mj-raw><script>var x = "{{ lead.id }}";</script></mj-raw>'],
      ['an HTML style', '<mj-raw><style>.a{color:{{ lead.type }}}</style></mj-raw>'],
      ['text directly in a column', '{{ lead.id }}'],
      ['a closing tag', '<mj-text>x</mj-text {{ lead.id }}>'],
    ])('not in %s', (_case, body) => {
      expect(bodyProblems(body)).toEqual([
        expect.objectContaining({ field: 'mjml', code: Code.VARIABLE_NOT_ALLOWED_HERE }),
      ]);
    });

    it.each([
      ['<mj-style>', '<mj-style>.a { color: {{ lead.type }} }</mj-style>'],
      ['<mj-attributes>', '<mj-attributes><mj-all title="{{ lead.type }}" /></mj-attributes>'],
      ['a font', '<mj-font name="F" href="https://fonts.example/{{ lead.type }}" />'],
    ])('not in the head’s %s', (_case, head) => {
      expect(bodyProblems('<mj-text>x</mj-text>', head)).toEqual([
        expect.objectContaining({ code: Code.VARIABLE_NOT_ALLOWED_HERE }),
      ]);
    });

    it('not outside the document', () => {
      const problems = checkEmailTemplate({
        subject: 'x',
        mjml: `{{ lead.id }}${mjml('<mj-text>x</mj-text>')}`,
      });
      expect(problems.map((problem) => problem.code)).toEqual([
        Code.NOT_MJML,
        Code.VARIABLE_NOT_ALLOWED_HERE,
      ]);
    });

    it('keeps the answers table to <mj-text> and <mj-raw>, and the address to body text', () => {
      expect(
        bodyProblems('<mj-button href="https://x">{{ lead.answers_table }}</mj-button>'),
      ).toEqual([
        expect.objectContaining({
          code: Code.VARIABLE_NOT_ALLOWED_HERE,
          variable: 'lead.answers_table',
        }),
      ]);
      expect(
        bodyProblems('<mj-text>x</mj-text>', '<mj-title>{{ lead.address }}</mj-title>'),
      ).toEqual([
        expect.objectContaining({ code: Code.VARIABLE_NOT_ALLOWED_HERE, variable: 'lead.address' }),
      ]);
      expect(bodyProblems('<mj-image src="https://x/a.png" alt="{{ lead.address }}" />')).toEqual([
        expect.objectContaining({ code: Code.VARIABLE_NOT_ALLOWED_HERE }),
      ]);
    });
  });

  describe('the document', () => {
    it('must be MJML', () => {
      const problems = checkEmailTemplate({ subject: 'x', mjml: '<html><body>Hi</body></html>' });
      expect(problems).toEqual([
        expect.objectContaining({ code: Code.NOT_MJML, line: 1, column: 1 }),
      ]);
      expect(
        checkEmailTemplate({
          subject: 'x',
          mjml: `  <!-- a note -->\n${mjml('<mj-text>x</mj-text>')}`,
        }),
      ).toEqual([]);
    });

    it('reads no files (<mj-include>)', () => {
      expect(bodyProblems('<mj-include path="/etc/passwd" />')).toEqual([
        expect.objectContaining({ code: Code.INCLUDE_NOT_ALLOWED, line: 4, column: 1 }),
      ]);
    });

    it('is not empty, nor longer than 65,536 characters', () => {
      expect(checkEmailTemplate({ subject: 'x', mjml: ' \n ' })).toEqual([
        expect.objectContaining({ field: 'mjml', code: Code.EMPTY_TEMPLATE }),
      ]);
      const long = mjml(`<mj-text>${'a'.repeat(MAX_MJML_LENGTH)}</mj-text>`);
      expect(checkEmailTemplate({ subject: 'x', mjml: long })).toEqual([
        expect.objectContaining({ field: 'mjml', code: Code.TEMPLATE_TOO_LONG }),
      ]);
    });

    it('holds no NUL or unpaired surrogate', () => {
      expect(bodyProblems('<mj-text>a\u0000b \uD800</mj-text>').map((p) => p.code)).toEqual([
        Code.INVALID_CHARACTER,
        Code.INVALID_CHARACTER,
      ]);
    });
  });

  describe('the subject', () => {
    it('takes plain values', () => {
      expect(analyseEmailSubject('New lead: {{ lead.type }} {{ lead.id }} 👍🏽')).toEqual([]);
    });

    it.each([
      ['empty', '', Code.EMPTY_TEMPLATE],
      ['blank', '   ', Code.EMPTY_TEMPLATE],
      ['longer than 300 characters', 'x'.repeat(301), Code.TEMPLATE_TOO_LONG],
      ['over two lines', 'New lead\nBcc: x@example.com', Code.INVALID_CHARACTER],
      ['holding a tab', 'New\tlead', Code.INVALID_CHARACTER],
      ['with an unknown variable', 'Lead {{ lead.name }}', Code.UNKNOWN_VARIABLE],
      ['with the answers table', 'Lead {{ lead.answers_table }}', Code.VARIABLE_NOT_ALLOWED_HERE],
      ['with the address', 'Lead in {{ lead.address }}', Code.VARIABLE_NOT_ALLOWED_HERE],
      ['with an unclosed tag', 'Lead {{ lead.id', Code.UNCLOSED_BRACES],
    ])('is refused %s', (_case, subject, code) => {
      expect(analyseEmailSubject(subject)).toEqual([
        expect.objectContaining({ field: 'subject', code }),
      ]);
    });

    it('may be 300 characters', () => {
      expect(analyseEmailSubject('é'.repeat(300))).toEqual([]);
    });
  });
});
