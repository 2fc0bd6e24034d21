import { XMLValidator } from 'fast-xml-parser';
import { DeliveryMethod } from '../delivery-method';
import { OffsetProblem, TemplateProblemCode } from '../problems';
import type { ContextScan } from '../contexts/context-scan';
import type { Substitution } from '../render/substitute';
import { offsetAt } from '../syntax/position';
import { envelopeProblem } from './soap-envelope';

/**
 * Problems of an XML or SOAP body rendered with sample values: well-formedness
 * (checked by fast-xml-parser, positioned back in the template) and, for SOAP,
 * the envelope of the method's version.
 */
export function xmlBodyProblems(
  method: DeliveryMethod,
  { body, map }: Substitution,
  { rootElement, doctype }: Pick<ContextScan, 'rootElement' | 'doctype'>,
): OffsetProblem[] {
  const result = XMLValidator.validate(body);
  if (result !== true) {
    const { msg, line, col } = result.err;
    return [
      {
        code: TemplateProblemCode.MALFORMED_XML,
        // Its "(opened in line 2, col 3)" counts in the rendered body, not the template.
        message: `XML is not well-formed: ${msg.replace(/\s*\(opened in line \d+, col \d+\)/, '')}`,
        offset: map.templateOffset(offsetAt(body, line, col ?? 1)),
      },
    ];
  }
  if (method !== DeliveryMethod.SOAP_1_1 && method !== DeliveryMethod.SOAP_1_2) {
    return [];
  }
  if (doctype !== undefined) {
    // SOAP 1.1 (section 3) and SOAP 1.2 (part 1, 5) forbid a DTD in a message.
    return [
      {
        code: TemplateProblemCode.SOAP_DOCTYPE_NOT_ALLOWED,
        message: 'a SOAP message must not contain a DOCTYPE declaration',
        offset: doctype,
      },
    ];
  }
  const problem = envelopeProblem(method, body);
  return problem ? [{ ...problem, offset: rootElement ?? 0 }] : [];
}
