import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually, findMessage, payloadOf } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { deliveryIdOf } from '@leadrail/delivery-domain';
import { deliveryService } from './delivery.service';
import { SmtpTestServer } from './email/testing/smtp-test-server';
import {
  ADD_LEAD_ACTION,
  DUPLICATE_FIRST_NAME,
  LEAD_SERVICE_NAMESPACE,
  startLeadSoapService,
} from './internet/testing/lead-soap-service';
import { DeliveryTestKit, TEST_CONTACT } from './testing/delivery-test-kit';
import { LeadsKeyServer } from './testing/leads-key-server';
import { PartnerEndpoint } from './testing/partner-endpoint';

jest.setTimeout(120_000);

const ENVELOPES = {
  '1.1': 'http://schemas.xmlsoap.org/soap/envelope/',
  '1.2': 'http://www.w3.org/2003/05/soap-envelope',
} as const;

/** A partner's SOAP AddLead call, as an operator would write its body template. */
function soapTemplate(version: '1.1' | '1.2'): string {
  return `<soap:Envelope xmlns:soap="${ENVELOPES[version]}" xmlns:tns="${LEAD_SERVICE_NAMESPACE}">
  <soap:Body>
    <tns:AddLead>
      <tns:FirstName>{{lead.first_name}}</tns:FirstName>
      <tns:Email>{{lead.email}}</tns:Email>
      <tns:Notes>{{lead.last_name}}</tns:Notes>
      <tns:DeliveryId>{{delivery.id}}</tns:DeliveryId>
    </tns:AddLead>
  </soap:Body>
</soap:Envelope>`;
}

type Outcome = { type: string; data: Record<string, unknown> };

/** The lead's final delivery outcome, read from leadrail.delivery.v1. */
async function finalOutcome(leadId: string): Promise<Outcome> {
  const message = await findMessage(Topics.delivery, (candidate) => {
    const payload = payloadOf(candidate) as { type?: string; data?: { leadId?: string } };
    return (
      payload.data?.leadId === leadId &&
      ['DeliverySucceeded', 'DeliveryRejected', 'DeliveryFailed'].includes(payload.type ?? '')
    );
  });
  return payloadOf(message) as unknown as Outcome;
}

/** Every channel and method against real local servers: SOAP (the `soap` package), XML, POST, SMTP. */
describe('delivering by every method and by email', () => {
  let keys: LeadsKeyServer;
  let smtp: SmtpTestServer;
  let service: ServiceUnderTest;
  let kit: DeliveryTestKit;

  beforeAll(async () => {
    keys = await LeadsKeyServer.start();
    smtp = await SmtpTestServer.start();
    service = await startServiceUnderTest(deliveryService, {
      LEADS_URL: keys.url,
      LEADS_TOKEN: keys.token,
      OUTBOUND_ALLOWED_HOSTS: '127.0.0.1',
      DELIVERY_POLL_MS: '50',
      DELIVERY_RETRY_BASE_MS: '300',
      DELIVERY_RETRY_MAX_MS: '1000',
      DELIVERY_MAX_ATTEMPTS: '2',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      EMAIL_FROM: 'leads@leadrail.example',
    });
    kit = await DeliveryTestKit.for(service, keys);
  });

  afterAll(async () => {
    await kit?.close();
    await service?.stop();
    await smtp?.stop();
    await keys?.stop();
  });

  it.each(['1.1', '1.2'] as const)(
    'delivers by SOAP %s, the envelope parsed by the partner, the reference captured',
    async (version) => {
      const soap = await startLeadSoapService(version);
      try {
        const partnerId = await kit.partner({
          internet: {
            method: `soap-${version}`,
            url: soap.url,
            bodyTemplate: soapTemplate(version),
            headers: {},
            soapAction: ADD_LEAD_ACTION,
            outcome: {
              rules: [],
              partnerReference: { from: 'xpath', expression: '//AddLeadResponse/Reference' },
              rejectionReason: null,
            },
          },
        });
        const leadId = await kit.allocatedLead(partnerId);
        const outcome = await finalOutcome(leadId);
        expect(outcome).toMatchObject({
          type: 'DeliverySucceeded',
          data: { partnerReference: 'REF-1', attempts: 1 },
        });
        // The partner's SOAP stack read every hostile value back as sent.
        expect(soap.calls[0]!.args).toMatchObject({
          FirstName: TEST_CONTACT.firstName,
          Email: TEST_CONTACT.email,
          Notes: TEST_CONTACT.lastName,
          DeliveryId: deliveryIdOf(leadId, partnerId),
        });
      } finally {
        await soap.close();
      }
    },
  );

  it.each(['1.1', '1.2'] as const)(
    'records a SOAP %s client fault as the partner rejecting the lead, with its reason',
    async (version) => {
      const soap = await startLeadSoapService(version);
      try {
        const partnerId = await kit.partner({
          internet: {
            method: `soap-${version}`,
            url: soap.url,
            bodyTemplate: soapTemplate(version),
            headers: {},
            soapAction: ADD_LEAD_ACTION,
          },
        });
        const leadId = await kit.allocatedLead(partnerId, {
          contact: { firstName: DUPLICATE_FIRST_NAME },
        });
        const outcome = await finalOutcome(leadId);
        expect(outcome.type).toBe('DeliveryRejected');
        expect(outcome.data.reason).toContain('duplicate lead');
        expect(soap.calls).toHaveLength(1);
      } finally {
        await soap.close();
      }
    },
  );

  it('delivers XML, escaped for XML, and POST, form-encoded', async () => {
    const xml = await PartnerEndpoint.start([{ status: 201, body: '<ok/>' }]);
    const post = await PartnerEndpoint.start([{ status: 200, body: 'OK' }]);
    try {
      const xmlPartner = await kit.partner({
        internet: {
          method: 'xml',
          url: xml.url,
          bodyTemplate: '<lead><name>{{lead.full_name}}</name><id>{{delivery.id}}</id></lead>',
          headers: {},
        },
      });
      const postPartner = await kit.partner({
        internet: {
          method: 'post',
          url: post.url,
          bodyTemplate: 'first={{lead.first_name}}&last={{lead.last_name}}&phone={{lead.phone}}',
          headers: {},
        },
      });
      const xmlLead = await kit.allocatedLead(xmlPartner);
      const postLead = await kit.allocatedLead(postPartner);
      expect((await finalOutcome(xmlLead)).type).toBe('DeliverySucceeded');
      expect((await finalOutcome(postLead)).type).toBe('DeliverySucceeded');

      expect(xml.received[0]!.headers['content-type']).toBe('application/xml; charset=utf-8');
      expect(xml.received[0]!.body).toBe(
        `<lead><name>Zoë &quot;Z&quot; &lt;b&gt; O&apos;Brien ]]&gt; &amp; co</name><id>${deliveryIdOf(xmlLead, xmlPartner)}</id></lead>`,
      );
      const form = new URLSearchParams(post.received[0]!.body);
      expect(post.received[0]!.headers['content-type']).toBe(
        'application/x-www-form-urlencoded; charset=utf-8',
      );
      expect(Object.fromEntries(form)).toEqual({
        first: TEST_CONTACT.firstName,
        last: TEST_CONTACT.lastName,
        phone: TEST_CONTACT.phone,
      });
    } finally {
      await xml.stop();
      await post.stop();
    }
  });

  it('treats a 200 saying "rejected" as a rejection by the partner\'s rule, with its reason', async () => {
    const endpoint = await PartnerEndpoint.start([
      { status: 200, body: '{"status":"rejected","why":"outside our area"}' },
    ]);
    try {
      const partnerId = await kit.partner({
        internet: {
          method: 'json',
          url: endpoint.url,
          bodyTemplate: '{"name": {{lead.full_name}}}',
          headers: {},
          outcome: {
            rules: [
              { test: 'json-path', pattern: '$.status', equals: 'rejected', means: 'rejected' },
            ],
            partnerReference: null,
            rejectionReason: { from: 'json-path', expression: '$.why' },
          },
        },
      });
      const leadId = await kit.allocatedLead(partnerId);
      const outcome = await finalOutcome(leadId);
      expect(outcome).toMatchObject({
        type: 'DeliveryRejected',
        data: { reason: 'outside our area', attempts: 1 },
      });
      expect(endpoint.received).toHaveLength(1);
    } finally {
      await endpoint.stop();
    }
  });

  it('retries a partner that never answers in time, then fails the delivery', async () => {
    const hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/leads`;
    try {
      const partnerId = await kit.partner({
        internet: { method: 'json', url, bodyTemplate: '{}', headers: {}, timeoutSeconds: 1 },
      });
      const leadId = await kit.allocatedLead(partnerId);
      const outcome = await finalOutcome(leadId);
      expect(outcome).toMatchObject({ type: 'DeliveryFailed', data: { attempts: 2 } });
      expect(String(outcome.data.reason)).toContain('timeout');
    } finally {
      hanging.closeAllConnections();
      await new Promise<void>((resolve) => hanging.close(() => resolve()));
    }
  });

  it('emails a lead to a partner taking leads by email, the fields escaped, the delivery id on it', async () => {
    const partnerId = await kit.partner({
      internet: null,
      email: true,
      contactEmail: 'leads@northway.example',
    });
    const leadId = await kit.allocatedLead(partnerId);
    const outcome = await finalOutcome(leadId);
    expect(outcome).toMatchObject({ type: 'DeliverySucceeded', data: { channels: ['email'] } });
    const email = await expectEventually(() => {
      // This delivery's email: the address is the example partner's, which other tests' partners
      // share (their referral emails reach this server too).
      const found = smtp.received.find(
        (message) =>
          message.parsed.headers.get('x-leadrail-delivery-id') === deliveryIdOf(leadId, partnerId),
      );
      expect(found).toBeDefined();
      return found!;
    });
    expect(email.parsed.headers.get('x-leadrail-delivery-id')).toBe(
      deliveryIdOf(leadId, partnerId),
    );
    expect(email.parsed.html).toContain('Zoë &quot;Z&quot; &lt;b&gt;');
    expect(email.parsed.html).not.toContain('<b>');
    expect(email.parsed.text).toContain(TEST_CONTACT.firstName);
  });
});
