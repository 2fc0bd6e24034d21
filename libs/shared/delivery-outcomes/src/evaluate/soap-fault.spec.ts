import {
  SOAP_11_CLIENT_FAULT,
  SOAP_11_DOTNET_CLIENT_FAULT,
  SOAP_11_SERVER_FAULT,
  SOAP_12_RECEIVER_FAULT,
  SOAP_12_SENDER_FAULT,
} from '../__fixtures__/soap-faults';
import type { OutcomeRules } from '../outcome-rules';
import { evaluateOutcome } from './evaluate-outcome';

const answer = (body: string, status = 500) =>
  ({ kind: 'response', status, headers: { 'content-type': 'text/xml' }, body }) as const;

describe('SOAP faults under the default rules', () => {
  it.each([
    ['1.1 Server', SOAP_11_SERVER_FAULT, 'soap-1.1', 'error', 'soap-fault: Server', 'Server Error'],
    [
      '1.1 Client with a subcode',
      SOAP_11_CLIENT_FAULT,
      'soap-1.1',
      'rejected',
      'soap-fault: Client.ValidationError',
      'Postcode ZZ9 is not a UK postcode',
    ],
    [
      '1.1 Client from ASP.NET',
      SOAP_11_DOTNET_CLIENT_FAULT,
      'soap-1.1',
      'rejected',
      'soap-fault: Client',
      'Server was unable to read request. ---> There is an error in XML document (1, 212). ---> Input string was not in a correct format.',
    ],
    [
      '1.2 Sender',
      SOAP_12_SENDER_FAULT,
      'soap-1.2',
      'rejected',
      'soap-fault: Sender',
      'Sender Timeout',
    ],
    [
      '1.2 Receiver, English reason preferred',
      SOAP_12_RECEIVER_FAULT,
      'soap-1.2',
      'error',
      'soap-fault: Receiver',
      'Database unavailable',
    ],
  ] as const)('judges a %s fault', (_case, body, method, outcome, matched, reason) => {
    expect(evaluateOutcome(answer(body), null, method)).toEqual({
      outcome,
      matched,
      reason,
      partnerReference: null,
    });
  });

  it('finds a fault in a 200 answer too, and in the other SOAP version than the method', () => {
    expect(evaluateOutcome(answer(SOAP_11_CLIENT_FAULT, 200), null, 'soap-1.2')).toMatchObject({
      outcome: 'rejected',
      matched: 'soap-fault: Client.ValidationError',
    });
  });

  it('looks for faults only for the SOAP methods', () => {
    expect(evaluateOutcome(answer(SOAP_11_CLIENT_FAULT), null, 'xml')).toMatchObject({
      outcome: 'error',
      matched: 'default: 5xx',
    });
  });

  it('resolves fault codes by namespace, not by prefix', () => {
    const renamed = SOAP_11_CLIENT_FAULT.replaceAll('soap:', 'S:').replace(
      'xmlns:soap=',
      'xmlns:S=',
    );
    expect(evaluateOutcome(answer(renamed), null, 'soap-1.1').matched).toBe(
      'soap-fault: Client.ValidationError',
    );

    // A "Client" in the partner's own namespace is not SOAP's Client: the status decides.
    const foreign = SOAP_11_CLIENT_FAULT.replace(
      '<faultcode>soap:Client.ValidationError</faultcode>',
      '<faultcode xmlns:p="urn:partner">p:Client</faultcode>',
    );
    expect(evaluateOutcome(answer(foreign, 500), null, 'soap-1.1')).toMatchObject({
      outcome: 'error',
      matched: 'soap-fault: p:Client',
    });
    expect(evaluateOutcome(answer(foreign, 400), null, 'soap-1.1')).toMatchObject({
      outcome: 'rejected',
      matched: 'soap-fault: p:Client',
    });
  });

  it('accepts an unqualified Client from a lax server', () => {
    const lax = SOAP_11_DOTNET_CLIENT_FAULT.replace('soap:Client', 'Client');
    expect(evaluateOutcome(answer(lax), null, 'soap-1.1').outcome).toBe('rejected');
  });

  it('ignores an envelope in a namespace that is not SOAP', () => {
    const fake = SOAP_11_CLIENT_FAULT.replace(
      'http://schemas.xmlsoap.org/soap/envelope/',
      'urn:not-soap',
    );
    expect(evaluateOutcome(answer(fake, 200), null, 'soap-1.1')).toMatchObject({
      outcome: 'accepted',
      matched: 'default: 2xx',
    });
  });

  it('treats VersionMismatch and MustUnderstand as rejections: the same request cannot succeed', () => {
    for (const code of ['VersionMismatch', 'MustUnderstand']) {
      const body = SOAP_12_SENDER_FAULT.replace('env:Sender', `env:${code}`);
      expect(evaluateOutcome(answer(body), null, 'soap-1.2')).toMatchObject({
        outcome: 'rejected',
        matched: `soap-fault: ${code}`,
      });
    }
  });

  it('describes a fault without text by its code and status', () => {
    const silent = SOAP_11_SERVER_FAULT.replace('<faultstring>Server Error</faultstring>', '');
    expect(evaluateOutcome(answer(silent, 500), null, 'soap-1.1').reason).toBe(
      'SOAP 1.1 fault Server from the partner (HTTP 500)',
    );
  });

  it('lets an operator rule overrule the fault default', () => {
    const rules: OutcomeRules = {
      rules: [{ test: 'contains', pattern: 'Server Error', equals: null, means: 'rejected' }],
      partnerReference: null,
      rejectionReason: null,
    };
    expect(evaluateOutcome(answer(SOAP_11_SERVER_FAULT), rules, 'soap-1.1')).toMatchObject({
      outcome: 'rejected',
      matched: 'rules[0]',
    });
  });
});
