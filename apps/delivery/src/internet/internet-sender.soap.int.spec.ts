import { DeliveryMethod, renderTemplate } from '@leadrail/delivery-templates';
import { XMLParser } from 'fast-xml-parser';
import type { InternetAnswer, InternetResponse } from './internet-answer';
import { buildInternetRequest } from './internet-request';
import { InternetSender } from './internet-sender';
import {
  ADD_LEAD_ACTION,
  DUPLICATE_FIRST_NAME,
  LEAD_SERVICE_NAMESPACE,
  type LeadSoapService,
  startLeadSoapService,
} from './testing/lead-soap-service';
import { testGuard } from './testing/test-guard';

const DELIVERY_ID = '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a';
const TIMEOUT = { timeoutMs: 5_000 };
const ENVELOPES = {
  '1.1': 'http://schemas.xmlsoap.org/soap/envelope/',
  '1.2': 'http://www.w3.org/2003/05/soap-envelope',
} as const;

// The partner's body template, as an operator would paste it from the partner's guide.
function envelopeTemplate(version: '1.1' | '1.2'): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="${ENVELOPES[version]}" xmlns:l="${LEAD_SERVICE_NAMESPACE}">
  <soap:Body>
    <l:AddLead>
      <l:FirstName>{{ lead.first_name }}</l:FirstName>
      <l:Email>{{ lead.email }}</l:Email>
      <l:Notes><![CDATA[{{ lead.answers.notes }}]]></l:Notes>
      <l:DeliveryId>{{ delivery.id }}</l:DeliveryId>
    </l:AddLead>
  </soap:Body>
</soap:Envelope>`;
}

const PROTOCOL_HEADERS = {
  '1.1': { contentType: 'text/xml; charset=utf-8', soapAction: `"${ADD_LEAD_ACTION}"` },
  // SOAP 1.2 moved the action into the content type: no SOAPAction header.
  '1.2': {
    contentType: `application/soap+xml; charset=utf-8; action="${ADD_LEAD_ACTION}"`,
    soapAction: undefined,
  },
} as const;

const HOSTILE = {
  firstName: 'Ada "Bobby" </l:FirstName><l:Admin>1</l:Admin> & \'',
  email: 'ada@example.com',
  notes: 'line one\r\nline two ]]> <x/> 日本語 😀',
};

function asResponse(answer: InternetAnswer): InternetResponse {
  if (answer.kind !== 'response') {
    throw new Error(`expected a response, got ${answer.code}: ${answer.message}`);
  }
  return answer;
}

const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true });

describe.each(['1.1', '1.2'] as const)(`${InternetSender.name} to a SOAP %s service`, (version) => {
  const method = version === '1.1' ? DeliveryMethod.SOAP_1_1 : DeliveryMethod.SOAP_1_2;
  let service: LeadSoapService;
  let sender: InternetSender;

  beforeAll(async () => {
    service = await startLeadSoapService(version);
    sender = new InternetSender(testGuard(['127.0.0.1']));
  });

  afterAll(async () => {
    sender.onModuleDestroy();
    await service.close();
  });

  function send(firstName: string): Promise<InternetAnswer> {
    const body = renderTemplate(method, envelopeTemplate(version), {
      'lead.first_name': firstName,
      'lead.email': HOSTILE.email,
      'lead.answers.notes': HOSTILE.notes,
      'delivery.id': DELIVERY_ID,
    });
    const request = buildInternetRequest({
      method,
      url: service.url,
      body,
      headers: { 'X-Api-Key': 'k-123' },
      soapAction: ADD_LEAD_ACTION,
      deliveryId: DELIVERY_ID,
      attempt: 1,
    });
    return sender.send(request, TIMEOUT);
  }

  it('delivers a lead the service parses value for value, and reads its answer', async () => {
    const answer = asResponse(await send(HOSTILE.firstName));

    expect(answer.status).toBe(200);
    const call = service.calls.at(-1);
    expect(call?.args).toEqual({
      FirstName: HOSTILE.firstName,
      Email: HOSTILE.email,
      Notes: HOSTILE.notes, // the soap package's parser keeps the CR of CR LF
      DeliveryId: DELIVERY_ID,
    });
    const parsed = parser.parse(answer.body) as {
      Envelope: { Body: { AddLeadResponse: { Result: string; Reference: string } } };
    };
    expect(parsed.Envelope.Body.AddLeadResponse).toEqual({
      Result: 'accepted',
      Reference: `REF-${service.calls.length}`,
    });
    expect(answer.body).toContain(ENVELOPES[version]);
  });

  it(`sends the SOAP ${version} content type and action`, async () => {
    asResponse(await send('Ada'));

    const headers = service.calls.at(-1)?.headers ?? {};
    expect({ contentType: headers['content-type'], soapAction: headers['soapaction'] }).toEqual(
      PROTOCOL_HEADERS[version],
    );
    expect(headers).toMatchObject({
      'x-leadrail-delivery-id': DELIVERY_ID,
      'x-leadrail-attempt': '1',
      'x-api-key': 'k-123',
    });
  });

  it('returns a SOAP fault as the answer (HTTP 500 with the fault), for the outcome rules', async () => {
    const answer = asResponse(await send(DUPLICATE_FIRST_NAME));

    expect(answer.status).toBe(500);
    const parsed = parser.parse(answer.body) as { Envelope: { Body: { Fault: unknown } } };
    expect(parsed.Envelope.Body.Fault).toEqual(
      version === '1.1'
        ? { faultcode: 'soap:Client', faultstring: 'duplicate lead' }
        : { Code: { Value: 'soap:Sender' }, Reason: { Text: 'duplicate lead' } },
    );
  });
});
