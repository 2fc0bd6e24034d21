import { DeliveryMethod } from '../delivery-method';
import { OffsetProblem, TemplateProblemCode } from '../problems';

// Enough to show the pattern of a pasted binary blob without flooding the answer.
const MAX_REPORTED = 5;

/**
 * Characters XML 1.0 (section 2.2, `Char`) forbids: C0 controls other than
 * tab, LF and CR, U+FFFE, U+FFFF and unpaired surrogates. A partner's parser
 * refuses a document holding one, even as a character reference.
 */
// In unicode mode a surrogate range matches only surrogates that are not part of a pair.
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/gu;
// NUL cannot be stored (PostgreSQL text refuses it) and no partner API wants it.
// eslint-disable-next-line no-control-regex -- NUL is what this finds
const NUL = /\u0000/gu;

/**
 * Characters that can never be sent by `method`, each positioned where it was
 * written: NUL for every method, and for XML and SOAP whatever XML 1.0 forbids.
 */
export function invalidCharacterProblems(
  method: DeliveryMethod,
  template: string,
): OffsetProblem[] {
  const xml =
    method === DeliveryMethod.XML ||
    method === DeliveryMethod.SOAP_1_1 ||
    method === DeliveryMethod.SOAP_1_2;
  const problems: OffsetProblem[] = [];
  // matchAll works on a copy of the pattern, so the shared regexps keep no state.
  for (const match of template.matchAll(xml ? NOT_XML_CHAR : NUL)) {
    if (problems.length === MAX_REPORTED) {
      break;
    }
    const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    problems.push({
      code: TemplateProblemCode.INVALID_CHARACTER,
      message: xml
        ? `the character U+${code} is not allowed in XML 1.0`
        : `the character U+${code} (NUL) cannot be sent`,
      offset: match.index,
    });
  }
  return problems;
}
