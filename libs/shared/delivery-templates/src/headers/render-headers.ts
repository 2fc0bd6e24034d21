import type { DeliveryMethod } from '../delivery-method';
import { DeliveryTemplateError, DeliveryTemplateErrorCode } from '../errors';
import { LITERAL_BRACES } from '../syntax/template-part';
import { parseTemplate } from '../syntax/parse-template';
import { type TemplateValues, valueOf } from '../values/template-value';
import { checkHeaders } from './check-headers';
import { type ProtocolOptions, protocolHeaders } from './protocol-headers';

/**
 * Every header of one delivery request: the partner's custom headers with
 * `{{ delivery.id }}` filled in, plus the method's own (Content-Type, SOAPAction).
 * Throws `INVALID_HEADERS` when `checkHeaders` would refuse the custom headers,
 * and `MISSING_REQUIRED_VALUES` when `delivery.id` is used but not supplied.
 */
export function renderHeaders(
  method: DeliveryMethod,
  custom: Readonly<Record<string, string>>,
  values: TemplateValues,
  options: ProtocolOptions = {},
): Record<string, string> {
  const check = checkHeaders(method, custom);
  if (!check.ok) {
    throw new DeliveryTemplateError(
      DeliveryTemplateErrorCode.INVALID_HEADERS,
      `the custom headers have ${check.problems.length} problem(s); check them with checkHeaders`,
      check.problems,
    );
  }
  const rendered = Object.entries(custom).map(([name, value]) => {
    const text = parseTemplate(value).parts.map((part) => {
      switch (part.kind) {
        case 'text':
          return value.slice(part.start, part.end);
        case 'braces':
          return LITERAL_BRACES;
        case 'variable':
          return headerValue(values, part.name);
      }
    });
    return [name, text.join('')] as const;
  });
  return { ...Object.fromEntries(rendered), ...protocolHeaders(method, options) };
}

function headerValue(values: TemplateValues, name: string): string {
  const value = valueOf(values, name);
  if (value === undefined) {
    throw new DeliveryTemplateError(
      DeliveryTemplateErrorCode.MISSING_REQUIRED_VALUES,
      `no value for ${name}, used in a header`,
    );
  }
  // Ids are UUIDs; anything that could split the header line is dropped all the same.
  return String(value).replace(/[^\t\x20-\x7e]/g, '');
}
