import { DeliveryMethod } from '../delivery-method';
import { DeliveryTemplateError, DeliveryTemplateErrorCode } from '../errors';

// Visible ASCII but `"` and `\`: the action is sent inside a quoted string.
const SOAP_ACTION = /^[\x21\x23-\x5b\x5d-\x7e]*$/;
const MAX_SOAP_ACTION_LENGTH = 1024;

/** Options of the headers a method sets itself. */
export interface ProtocolOptions {
  /** The operation's SOAP action URI from the partner's WSDL; SOAP methods only. */
  readonly soapAction?: string;
}

/** The `Content-Type` each method sends (SOAP 1.2 adds its action parameter). */
export const CONTENT_TYPES: Readonly<Record<DeliveryMethod, string>> = {
  [DeliveryMethod.XML]: 'application/xml',
  [DeliveryMethod.JSON]: 'application/json',
  [DeliveryMethod.SOAP_1_1]: 'text/xml; charset=utf-8',
  [DeliveryMethod.SOAP_1_2]: 'application/soap+xml; charset=utf-8',
  [DeliveryMethod.POST]: 'application/x-www-form-urlencoded',
};

/** Whether a SOAP action can be sent as written: visible ASCII without `"` or `\`. */
export function isValidSoapAction(action: string): boolean {
  return action.length <= MAX_SOAP_ACTION_LENGTH && SOAP_ACTION.test(action);
}

/**
 * The headers a method sets itself. SOAP 1.1 names the operation in a quoted
 * `SOAPAction` header (always sent; `""` when there is no action); SOAP 1.2 moved
 * it into the content type's `action` parameter and has no SOAPAction header.
 * Throws `INVALID_SOAP_ACTION` for an action that cannot be quoted.
 */
export function protocolHeaders(
  method: DeliveryMethod,
  { soapAction = '' }: ProtocolOptions = {},
): Record<string, string> {
  if (!isValidSoapAction(soapAction)) {
    throw new DeliveryTemplateError(
      DeliveryTemplateErrorCode.INVALID_SOAP_ACTION,
      'a SOAP action must be visible ASCII without quotes or backslashes, at most 1024 characters',
    );
  }
  const contentType = CONTENT_TYPES[method];
  switch (method) {
    case DeliveryMethod.SOAP_1_1:
      return { 'Content-Type': contentType, SOAPAction: `"${soapAction}"` };
    case DeliveryMethod.SOAP_1_2:
      return {
        'Content-Type': soapAction ? `${contentType}; action="${soapAction}"` : contentType,
      };
    case DeliveryMethod.XML:
    case DeliveryMethod.JSON:
    case DeliveryMethod.POST:
      return { 'Content-Type': contentType };
  }
}
