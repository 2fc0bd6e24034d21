import { thrownBy } from '../__fixtures__/thrown';
import { DeliveryMethod } from '../delivery-method';
import { DeliveryTemplateErrorCode } from '../errors';
import { protocolHeaders } from './protocol-headers';

describe(protocolHeaders.name, () => {
  it.each([
    [DeliveryMethod.XML, { 'Content-Type': 'application/xml' }],
    [DeliveryMethod.JSON, { 'Content-Type': 'application/json' }],
    [DeliveryMethod.POST, { 'Content-Type': 'application/x-www-form-urlencoded' }],
  ])('sends %s with its content type', (method, headers) => {
    expect(protocolHeaders(method)).toEqual(headers);
  });

  it('names the SOAP 1.1 operation in a quoted SOAPAction header, empty when there is none', () => {
    expect(protocolHeaders(DeliveryMethod.SOAP_1_1, { soapAction: 'urn:partner#AddLead' })).toEqual(
      {
        'Content-Type': 'text/xml; charset=utf-8',
        SOAPAction: '"urn:partner#AddLead"',
      },
    );
    expect(protocolHeaders(DeliveryMethod.SOAP_1_1)).toMatchObject({ SOAPAction: '""' });
  });

  it("puts the SOAP 1.2 action in the content type's action parameter", () => {
    expect(protocolHeaders(DeliveryMethod.SOAP_1_2, { soapAction: 'urn:partner#AddLead' })).toEqual(
      {
        'Content-Type': 'application/soap+xml; charset=utf-8; action="urn:partner#AddLead"',
      },
    );
    expect(protocolHeaders(DeliveryMethod.SOAP_1_2)).toEqual({
      'Content-Type': 'application/soap+xml; charset=utf-8',
    });
  });

  it('refuses a SOAP action that would break out of its quotes', () => {
    const error = thrownBy(() =>
      protocolHeaders(DeliveryMethod.SOAP_1_2, { soapAction: 'urn:x"; x="y' }),
    );
    expect(error.code).toBe(DeliveryTemplateErrorCode.INVALID_SOAP_ACTION);
  });
});
