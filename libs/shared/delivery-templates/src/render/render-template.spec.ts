import { JSON_TEMPLATE, POST_TEMPLATE, XML_TEMPLATE } from '../__fixtures__/templates';
import { sampleValues } from '../__fixtures__/values';
import { DeliveryMethod } from '../delivery-method';
import { thrownBy } from '../__fixtures__/thrown';
import { DeliveryTemplateErrorCode } from '../errors';
import { TemplateProblemCode } from '../problems';
import { renderTemplate } from './render-template';

const { XML, JSON: JSON_METHOD, POST } = DeliveryMethod;

describe(renderTemplate.name, () => {
  it('renders an XML body with every value in place', () => {
    expect(renderTemplate(XML, XML_TEMPLATE, sampleValues()))
      .toBe(`<?xml version="1.0" encoding="UTF-8"?>
<lead id="6f1c2b7e-3d4a-4f8b-9c2d-1e5f7a9b0c3d" type="mortgage">
  <name>Jane Doe</name>
  <email>jane.doe@example.com</email>
  <notes><![CDATA[]]>call after 6<![CDATA[]]></notes>
  <price currency="GBP">12.50</price>
</lead>
`);
  });

  it('renders JSON with strings escaped in place and bare values as JSON values', () => {
    expect(JSON.parse(renderTemplate(JSON_METHOD, JSON_TEMPLATE, sampleValues()))).toEqual({
      reference: 'LR-6f1c2b7e-3d4a-4f8b-9c2d-1e5f7a9b0c3d',
      name: 'Jane Doe',
      email: 'jane.doe@example.com',
      price: 12.5,
      pence: 1250,
      first_time_buyer: true,
      sent: '2025-07-01T09:31:05Z',
    });
  });

  it('keeps the decimals of a bare price, writing it as a JSON number', () => {
    expect(renderTemplate(JSON_METHOD, '{"price": {{ lead.value.decimal }}}', sampleValues())).toBe(
      '{"price": 12.50}',
    );
  });

  it('renders a form body with each value form-encoded', () => {
    const values = sampleValues({ 'lead.full_name': 'Zoë O’Neil (Jr) & co' });
    expect(renderTemplate(POST, POST_TEMPLATE, values)).toBe(
      'source=LeadRail+Web&name=Zo%C3%AB+O%E2%80%99Neil+%28Jr%29+%26+co' +
        '&email=jane.doe%40example.com&ref=LR-6f1c2b7e-3d4a-4f8b-9c2d-1e5f7a9b0c3d',
    );
  });

  it('renders a missing optional value as empty text, and as null where JSON expects a value', () => {
    const values = sampleValues({ 'lead.email': undefined, 'lead.answers.first_time_buyer': null });
    const json = JSON.parse(
      renderTemplate(
        JSON_METHOD,
        '{"e": {{ lead.email }}, "f": "{{ lead.answers.first_time_buyer }}"}',
        values,
      ),
    ) as unknown;
    expect(json).toEqual({ e: null, f: '' });
    expect(
      renderTemplate(XML, '<a e="{{ lead.email }}">{{ lead.address.line2 }}</a>', values),
    ).toBe('<a e=""></a>');
    expect(renderTemplate(POST, 'e={{ lead.email }}&n=1', values)).toBe('e=&n=1');
  });

  it('refuses to render without a value every lead has', () => {
    const error = thrownBy(() =>
      renderTemplate(XML, '<a>{{ lead.first_name }}{{ now.iso }}</a>', { 'now.iso': 'x' }),
    );
    expect(error.code).toBe(DeliveryTemplateErrorCode.MISSING_REQUIRED_VALUES);
    expect(error.message).toBe('no value for lead.first_name, which every lead has');
  });

  it('reads only the values object itself, never what it inherits', () => {
    const inherited = Object.create(sampleValues()) as Record<string, string>;
    expect(renderTemplate(XML, '<a>{{ lead.email }}</a>', inherited)).toBe('<a></a>');
  });

  it('refuses a template with problems, listing them', () => {
    const error = thrownBy(() => renderTemplate(XML, '<a>{{ lead.nme }}</a>', sampleValues()));
    expect(error.code).toBe(DeliveryTemplateErrorCode.INVALID_TEMPLATE);
    expect(error.problems).toEqual([
      expect.objectContaining({ code: TemplateProblemCode.UNKNOWN_VARIABLE, line: 1, column: 7 }),
    ]);
  });

  it('renders literal braces written as {{ "{{" }}', () => {
    expect(renderTemplate(XML, '<a>{{ "{{" }} not a variable }}</a>', {})).toBe(
      '<a>{{ not a variable }}</a>',
    );
  });
});
