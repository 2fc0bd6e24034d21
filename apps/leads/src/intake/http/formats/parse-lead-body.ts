import { inspectInput } from '@leadrail/nest-kit';
import { type LeadBodyResult, refused } from './lead-body';
import { formatOf } from './media-type';
import { parseFormBody } from './parse-form-body';
import { parseJsonBody } from './parse-json-body';
import { parseXmlBody } from './parse-xml-body';

const PARSERS = { json: parseJsonBody, xml: parseXmlBody, form: parseFormBody };

/**
 * A posted lead, from JSON, XML or a form, as one plain object in the shape
 * of `LeadReceived` v1 data (without `introducerId`; `leadId` only when the
 * body has one), ready for the contract's validator (`leadProblems`). Every
 * format ends in the input policy every request body is held to
 * (`inspectInput`: nesting, size, NUL and unpaired surrogates), so XML and
 * form bodies, read here rather than by the service's body parsers, meet it
 * too. The body's size is the body parser's to bound, before this runs.
 *
 * `reason` says how to answer a refusal: `unsupported-media-type` is a 415,
 * `malformed` (not JSON/XML at all) and `invalid` (fields) are 400s.
 */
export function parseLeadBody(contentType: string | undefined, rawBody: string): LeadBodyResult {
  const media = formatOf(contentType);
  if ('unsupported' in media) {
    return refused('unsupported-media-type', [{ field: '', message: media.unsupported }]);
  }
  if (rawBody.trim() === '') {
    return refused('malformed', [{ field: '', message: 'the body is empty: send the lead' }]);
  }
  const result = PARSERS[media.format](rawBody);
  if (!result.ok) {
    return result;
  }
  const policy = inspectInput(result.candidate, '');
  return policy.length === 0
    ? result
    : refused(
        'invalid',
        policy.map((error) => ({ field: error.field, message: error.messages.join('; ') })),
      );
}
