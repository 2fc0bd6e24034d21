import { thrownBy } from '../__fixtures__/thrown';
import { sampleValues } from '../__fixtures__/values';
import { DeliveryMethod } from '../delivery-method';
import { DeliveryTemplateErrorCode } from '../errors';
import { renderHeaders } from './render-headers';

describe(renderHeaders.name, () => {
  it("merges the partner's headers, with the delivery id filled in, and the method's own", () => {
    const headers = renderHeaders(
      DeliveryMethod.SOAP_1_1,
      { 'X-Api-Key': 'k-123', 'Idempotency-Key': 'lr-{{ delivery.id }}' },
      sampleValues(),
      { soapAction: 'urn:AddLead' },
    );
    expect(headers).toEqual({
      'X-Api-Key': 'k-123',
      'Idempotency-Key': 'lr-3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a',
      'Content-Type': 'text/xml; charset=utf-8',
      SOAPAction: '"urn:AddLead"',
    });
  });

  it('refuses headers that checkHeaders refuses', () => {
    const error = thrownBy(() =>
      renderHeaders(DeliveryMethod.JSON, { 'Content-Type': 'text/plain' }, sampleValues()),
    );
    expect(error.code).toBe(DeliveryTemplateErrorCode.INVALID_HEADERS);
    expect(error.problems).toHaveLength(1);
  });

  it('refuses to send a header whose delivery id is missing', () => {
    const error = thrownBy(() =>
      renderHeaders(
        DeliveryMethod.JSON,
        { 'X-Id': '{{ delivery.id }}' },
        { 'delivery.id': undefined },
      ),
    );
    expect(error.code).toBe(DeliveryTemplateErrorCode.MISSING_REQUIRED_VALUES);
  });
});
