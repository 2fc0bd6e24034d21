import { sampleEmailInput } from '@leadrail/delivery-domain';
import type { EventStore } from '@leadrail/event-store';
import { EVENT_STORE, type ServiceDefinition } from '@leadrail/nest-kit';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { Topics } from '@leadrail/topics';
import { emailSettings } from './email.env';
import { EmailRenderer } from './email-renderer';
import { EmailSender } from './email-sender';
import { EmailTemplateSettings } from './email-template-settings';
import { EmailModule } from './email.module';
import { SmtpTestServer } from './testing/smtp-test-server';

/**
 * The delivery service as far as email goes: EmailModule, as the delivery
 * module imports it, booted like any service (real PostgreSQL event store and
 * Kafka, HTTP with the shared validation and error filters).
 */
// Booting a service under a loaded CI machine can take most of a minute.
jest.setTimeout(120_000);

const emailOnlyService: ServiceDefinition = {
  name: 'delivery',
  module: EmailModule,
  // Like every service, a consumer with a topic: one with none never settled into its group when
  // the whole suite shared the broker. Nothing is handled: every event is skipped.
  subscriptions: [Topics.partners],
  requires: { operatorTokens: true },
  checkEnv: [emailSettings],
};

const STREAM = 'deliveryEmailTemplate-current';
const CUSTOM = {
  subject: 'Lead for {{ partner.name }}: {{ lead.full_name }}',
  mjml: `<mjml>
  <mj-head><mj-title>{{ lead.type }}</mj-title></mj-head>
  <mj-body>
    <mj-section><mj-column>
      <mj-text>Call {{ lead.full_name }} on <a href="tel:{{ lead.phone }}">{{ lead.phone }}</a>.</mj-text>
      <mj-text>{{ lead.answers_table }}</mj-text>
    </mj-column></mj-section>
  </mj-body>
</mjml>`,
};

type Answer = { status: number; body: Record<string, unknown>; etag: string | null };

describe('the email template endpoints (/delivery/email-template)', () => {
  let service: ServiceUnderTest;
  let smtp: SmtpTestServer;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    service = await startServiceUnderTest(emailOnlyService, {
      SMTP_URL: smtp.url,
      EMAIL_FROM: 'LeadRail <leads@leadrail.test>',
    });
  });

  afterAll(async () => {
    await service?.stop();
    await smtp?.stop();
  });

  async function call(
    method: string,
    path = '',
    body?: unknown,
    headers: Record<string, string> = {},
    token: string | null = service.tokens.admin,
  ): Promise<Answer> {
    const response = await fetch(`${service.url}/delivery/email-template${path}`, {
      method,
      headers: {
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
      etag: response.headers.get('etag'),
    };
  }

  async function stored() {
    const store = service.app.get<EventStore>(EVENT_STORE);
    const events = await store.readStream(STREAM).catch(() => []);
    return events.map((event) => ({
      type: event.type,
      data: event.data,
      metadata: event.metadata,
    }));
  }

  it('serves the default until operators change it, to any operator', async () => {
    const read = await call('GET', '', undefined, {}, service.tokens.readOnly);
    // No revision to match yet (what Express puts in ETag by itself is no revision of ours).
    expect(read.etag ?? '').not.toMatch(/^"\d+"$/);
    expect(read).toMatchObject({
      status: 200,
      body: { version: 0, isDefault: true, changedAt: null, changedBy: null, reason: null },
    });
    expect(read.body['subject']).toBe('New lead: {{ lead.type }} {{ lead.id }}');
    expect(read.body['mjml']).toContain('{{ lead.answers_table }}');
    expect((await call('GET', '', undefined, {}, null)).status).toBe(401);
    expect((await call('PUT', '', CUSTOM, {}, service.tokens.readOnly)).status).toBe(403);
    expect((await call('DELETE', '', undefined, {}, service.tokens.readOnly)).status).toBe(403);
  });

  it('refuses a template with problems field by field, and records nothing', async () => {
    const before = (await stored()).length;
    const unknown = await call('PUT', '', {
      ...CUSTOM,
      mjml: CUSTOM.mjml.replace('{{ lead.full_name }}', '{{ lead.fullname }}'),
    });
    expect(unknown).toMatchObject({
      status: 400,
      body: {
        error: 'INVALID_EMAIL_TEMPLATE',
        errors: [
          {
            field: 'mjml',
            messages: [
              'line 5, column 24: unknown variable "lead.fullname": did you mean "lead.full_name"?',
            ],
          },
        ],
        problems: [
          expect.objectContaining({
            code: 'UNKNOWN_VARIABLE',
            line: 5,
            column: 24,
            suggestion: 'lead.full_name',
          }),
        ],
      },
    });

    const styled = await call('PUT', '', {
      subject: 'Lead\n{{ lead.answers_table }}',
      mjml: CUSTOM.mjml.replace('<mj-text>Call', '<mj-text color="{{ lead.type }}">Call'),
    });
    expect(styled.status).toBe(400);
    expect(styled.body['errors']).toEqual([
      {
        field: 'subject',
        messages: [
          expect.stringContaining('U+000A') as string,
          expect.stringContaining('HTML') as string,
        ],
      },
      { field: 'mjml', messages: [expect.stringContaining('"color" attribute') as string] },
    ]);

    const invalidMjml = await call('PUT', '', {
      ...CUSTOM,
      mjml: CUSTOM.mjml.replace('<mj-text>Call', '<mj-text colour="red">Call'),
    });
    expect(invalidMjml).toMatchObject({
      status: 400,
      body: {
        errors: [
          {
            field: 'mjml',
            messages: [
              expect.stringContaining(
                'line 5, column 1: <mj-text>: Attribute colour is illegal',
              ) as string,
            ],
          },
        ],
      },
    });

    const malformed = await call('PUT', '', { subject: ' ', mjml: 42, extra: true });
    expect(malformed.status).toBe(400);
    expect(
      (malformed.body['errors'] as { field: string }[]).map((error) => error.field).sort(),
    ).toEqual(['extra', 'mjml', 'subject']);
    expect((await call('PUT', '', { ...CUSTOM, reason: '' })).status).toBe(400);
    expect(await stored()).toHaveLength(before);
  });

  it('replaces the template, recording version, operator and reason, with an ETag', async () => {
    const replaced = await call('PUT', '', { ...CUSTOM, reason: 'Partners asked for phone first' });
    expect(replaced).toMatchObject({
      status: 200,
      etag: '"0"',
      body: {
        revision: 0,
        changed: true,
        template: {
          version: 1,
          isDefault: false,
          ...CUSTOM,
          changedBy: { type: 'operator', id: 'test-admin' },
          reason: 'Partners asked for phone first',
        },
      },
    });
    expect(await stored()).toEqual([
      {
        type: 'EmailTemplateReplaced',
        data: {
          version: 1,
          ...CUSTOM,
          changedBy: { type: 'operator', id: 'test-admin' },
          changedAt: expect.any(String) as string,
          reason: 'Partners asked for phone first',
        },
        metadata: expect.objectContaining({
          actor: { type: 'operator', id: 'test-admin' },
          reason: 'Partners asked for phone first',
        }) as Record<string, unknown>,
      },
    ]);
    expect(await call('GET')).toMatchObject({ etag: '"0"', body: { version: 1, ...CUSTOM } });

    // The same template again changes nothing.
    expect(await call('PUT', '', CUSTOM)).toMatchObject({
      status: 200,
      etag: '"0"',
      body: { revision: 0, changed: false },
    });
  });

  it('refuses a change made on a stale read (If-Match)', async () => {
    const stale = await call(
      'PUT',
      '',
      { ...CUSTOM, subject: 'Stale {{ lead.id }}' },
      { 'if-match': '"7"' },
    );
    expect(stale.status).toBe(412);
    expect((await call('PUT', '', CUSTOM, { 'if-match': 'seven' })).status).toBe(400);
    const current = await call('GET');
    const fresh = await call(
      'PUT',
      '',
      { ...CUSTOM, subject: 'Lead {{ lead.id }} for {{ partner.name }}' },
      { 'if-match': current.etag! },
    );
    expect(fresh).toMatchObject({
      status: 200,
      etag: '"1"',
      body: { changed: true, template: { version: 2 } },
    });
  });

  it('previews the template in force or a draft with a sample lead', async () => {
    const current = await call('POST', '/preview');
    expect(current.status).toBe(200);
    expect(current.body['subject']).toBe(
      'Lead 6f1c2b7e-3d4a-4f8b-9c2d-1e5f7a9b0c3d for Acme Mortgages',
    );
    expect(current.body['html']).toContain(
      'Call Jane Doe on <a href="tel:+447700900123">+447700900123</a>.',
    );
    expect(current.body['html']).toContain('>Property value</td>');
    expect(current.body['text']).toContain('Name: Jane Doe\n');

    const draft = await call(
      'POST',
      '/preview',
      { subject: 'Draft: {{ lead.first_name }}' },
      {},
      service.tokens.readOnly,
    );
    expect(draft).toMatchObject({ status: 200, body: { subject: 'Draft: Jane' } });

    const broken = await call('POST', '/preview', {
      mjml: '<mjml><mj-body>{{ lead.nope }}</mj-body></mjml>',
    });
    expect(broken).toMatchObject({ status: 400, body: { error: 'INVALID_EMAIL_TEMPLATE' } });
  });

  it('renders and sends the template in force to a real SMTP server', async () => {
    const template = await service.app.get(EmailTemplateSettings).current();
    const sample = sampleEmailInput(new Date());
    const input = {
      ...sample,
      lead: { ...sample.lead, firstName: '<b>Bold</b>', lastName: '"Quoted" & ]]>' },
    };
    const email = await service.app.get(EmailRenderer).render(template, input);
    const sent = await service.app.get(EmailSender).send({
      to: 'partner@acme.test',
      ...email,
      deliveryId: input.delivery.id,
      leadId: input.lead.id,
    });
    expect(sent.messageId).toBe(`<delivery-${input.delivery.id}@leadrail.test>`);
    const received = smtp.received.at(-1)!.parsed;
    expect(received.subject).toBe(`Lead ${input.lead.id} for Acme Mortgages`);
    expect(received.html).toContain(
      'Call &lt;b&gt;Bold&lt;/b&gt; &quot;Quoted&quot; &amp; ]]&gt; on',
    );
    expect(received.text).toContain('Name: <b>Bold</b> "Quoted" & ]]>\n');
    expect(received.headers.get('x-leadrail-delivery-id')).toBe(input.delivery.id);
  });

  it('goes back to the default, recording the reset', async () => {
    const reset = await call('DELETE', '', { reason: 'Back to standard' });
    expect(reset).toMatchObject({
      status: 200,
      etag: '"2"',
      body: {
        revision: 2,
        changed: true,
        template: { version: 3, isDefault: true, reason: 'Back to standard' },
      },
    });
    expect(
      (await stored()).map((event) => [event.type, (event.data as { version: number }).version]),
    ).toEqual([
      ['EmailTemplateReplaced', 1],
      ['EmailTemplateReplaced', 2],
      ['EmailTemplateReset', 3],
    ]);
    expect(await call('DELETE')).toMatchObject({ status: 200, body: { changed: false } });
    expect(await call('GET')).toMatchObject({
      body: { isDefault: true, subject: 'New lead: {{ lead.type }} {{ lead.id }}' },
    });
  });
});
