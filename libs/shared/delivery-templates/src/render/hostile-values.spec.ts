import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { sampleValues } from '../__fixtures__/values';
import { checkTemplate } from '../check/check-template';
import { DeliveryMethod } from '../delivery-method';
import { renderTemplate } from './render-template';

// Values an attacker can put in a lead (a name, an answer) to try to rewrite the
// request a partner receives.
const HOSTILE = [
  '</name><admin>true</admin>',
  '"/><admin x="',
  "' admin='true",
  ']]></notes><admin>true</admin><notes><![CDATA[',
  '&amp; &lt;admin&gt; &#x41;',
  '"},"admin":true,"x":"',
  '\\", "admin": true, "x": "\\',
  '&role=admin',
  'a=b&c=d%26e+f',
  '{{ partner.id }}',
  'Zoë 👩‍💻 O’Neil',
];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
});

describe(`${renderTemplate.name} with hostile values`, () => {
  describe.each(HOSTILE)('%j', (hostile) => {
    const values = sampleValues({
      'lead.full_name': hostile,
      'lead.external_reference': hostile,
      'lead.answers.notes': hostile,
      'lead.email': hostile,
    });

    it('stays data in XML text, attributes in either quotes and CDATA', () => {
      const template =
        `<lead ref="{{ lead.external_reference }}" mail='{{ lead.email }}'>` +
        '<name>{{ lead.full_name }}</name><notes><![CDATA[{{ lead.answers.notes }}]]></notes></lead>';
      const xml = renderTemplate(DeliveryMethod.XML, template, values);
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(parser.parse(xml)).toEqual({
        lead: { '@ref': hostile, '@mail': hostile, name: hostile, notes: hostile },
      });
    });

    it.each([DeliveryMethod.SOAP_1_1, DeliveryMethod.SOAP_1_2])(
      'stays data in a %s envelope, which stays a valid envelope',
      (method) => {
        const ns =
          method === DeliveryMethod.SOAP_1_1
            ? 'http://schemas.xmlsoap.org/soap/envelope/'
            : 'http://www.w3.org/2003/05/soap-envelope';
        const template = `<s:Envelope xmlns:s="${ns}"><s:Body><name>{{ lead.full_name }}</name></s:Body></s:Envelope>`;
        const xml = renderTemplate(method, template, values);
        // With its braces escaped, the rendered body is a template without variables:
        // checking it proves the envelope is still well-formed and of the right version.
        expect(checkTemplate(method, xml.replace(/\{\{/g, '{{ "{{" }}'))).toMatchObject({
          ok: true,
        });
        expect(parser.parse(xml)).toEqual({
          's:Envelope': { '@xmlns:s': ns, 's:Body': { name: hostile } },
        });
      },
    );

    it('stays data in JSON strings and bare JSON values', () => {
      const template =
        '{"name": "{{ lead.full_name }}", "ref": "LR-{{ lead.external_reference }}", ' +
        '"notes": {{ lead.answers.notes }}, "list": [{{ lead.email }}]}';
      const json: unknown = JSON.parse(renderTemplate(DeliveryMethod.JSON, template, values));
      expect(json).toEqual({
        name: hostile,
        ref: `LR-${hostile}`,
        notes: hostile,
        list: [hostile],
      });
    });

    it('stays data in form values', () => {
      const template = 'name={{ lead.full_name }}&ref=LR-{{ lead.external_reference }}&x=1';
      const form = new URLSearchParams(renderTemplate(DeliveryMethod.POST, template, values));
      expect([...form.entries()]).toEqual([
        ['name', hostile],
        ['ref', `LR-${hostile}`],
        ['x', '1'],
      ]);
    });
  });

  it('replaces characters XML cannot carry and keeps carriage returns and tabs exact', () => {
    const values = sampleValues({ 'lead.full_name': 'a\u0000b\u001bc\r\n\td\uD800' });
    expect(
      renderTemplate(
        DeliveryMethod.XML,
        '<a n="{{ lead.full_name }}">{{ lead.full_name }}</a>',
        values,
      ),
    ).toBe('<a n="a\uFFFDb\uFFFDc&#13;&#10;&#9;d\uFFFD">a\uFFFDb\uFFFDc&#13;\n\td\uFFFD</a>');
  });

  it('keeps lone surrogates from breaking JSON or form encoding', () => {
    const values = sampleValues({ 'lead.full_name': 'x\uD800y' });
    expect(renderTemplate(DeliveryMethod.JSON, '["{{ lead.full_name }}"]', values)).toBe(
      '["x\\ud800y"]',
    );
    expect(renderTemplate(DeliveryMethod.POST, 'n={{ lead.full_name }}', values)).toBe(
      'n=x%EF%BF%BDy',
    );
  });
});
