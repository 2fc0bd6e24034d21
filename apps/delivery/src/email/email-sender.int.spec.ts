import { type TemplateInput } from '@leadrail/delivery-templates';
import { DEFAULT_EMAIL_TEMPLATE, sampleEmailInput } from '@leadrail/delivery-domain';
import { emailSettings } from './email.env';
import { EmailRenderer } from './email-renderer';
import { EmailSendError } from './email-send-error';
import { EmailSender, type OutgoingEmail } from './email-sender';
import { SmtpTestServer, startDroppingServer } from './testing/smtp-test-server';

const FROM = 'LeadRail <leads@leadrail.test>';
const DELIVERY_ID = '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a';
const LEAD_ID = '6f1c2b7e-3d4a-4f8b-9c2d-1e5f7a9b0c3d';

function sender(smtpUrl: string): EmailSender {
  return new EmailSender(emailSettings({ SMTP_URL: smtpUrl, EMAIL_FROM: FROM }));
}

/** A lead whose every field tries to break out of where it is written. */
function hostileLead(): TemplateInput {
  const sample = sampleEmailInput(new Date('2026-03-01T09:00:00Z'));
  return {
    ...sample,
    lead: {
      ...sample.lead,
      id: LEAD_ID,
      firstName: '<script>alert("x")</script>',
      lastName: "O'Brien & Sons ]]> 李小龍 👍🏽",
      email: 'jane+leads@example.com',
      phone: '+447700900123',
      address: {
        line1: '1 "High" Street\nBcc: someone@example.com',
        city: 'Zürich',
        postcode: '8001',
        country: 'CH',
      },
      answers: { notes: `${'very long '.repeat(500)}end`, html: '<img src=x onerror=alert(1)>' },
    },
    delivery: { id: DELIVERY_ID, attempt: 2 },
  };
}

async function expectSendError(
  sending: Promise<unknown>,
  expected: Partial<EmailSendError> & { permanent: boolean },
): Promise<EmailSendError> {
  const error = await sending.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(EmailSendError);
  expect(error).toMatchObject(expected);
  return error as EmailSendError;
}

describe('EmailSender over SMTP (a real smtp-server)', () => {
  const renderer = new EmailRenderer();

  it('delivers the rendered lead email: subject, escaped HTML, text part and the delivery id', async () => {
    const server = await SmtpTestServer.start();
    const mailer = sender(server.url);
    try {
      const rendered = await renderer.render(DEFAULT_EMAIL_TEMPLATE, hostileLead());
      const email: OutgoingEmail = {
        to: 'partner@acme.test',
        ...rendered,
        deliveryId: DELIVERY_ID,
        leadId: LEAD_ID,
      };

      const sent = await mailer.send(email);

      expect(sent).toEqual({
        messageId: `<delivery-${DELIVERY_ID}@leadrail.test>`,
        response: expect.stringContaining('250') as string,
      });
      expect(server.received).toHaveLength(1);
      const [received] = server.received;
      expect(received!.from).toBe('leads@leadrail.test');
      expect(received!.to).toEqual(['partner@acme.test']);
      const parsed = received!.parsed;
      expect(parsed.subject).toBe(`New lead: mortgage ${LEAD_ID}`);
      expect(parsed.from?.value).toEqual([{ name: 'LeadRail', address: 'leads@leadrail.test' }]);
      expect(parsed.messageId).toBe(`<delivery-${DELIVERY_ID}@leadrail.test>`);
      expect(parsed.headers.get('x-leadrail-delivery-id')).toBe(DELIVERY_ID);
      expect(parsed.headers.get('x-leadrail-lead-id')).toBe(LEAD_ID);
      // No value became a header of its own.
      expect(parsed.headers.has('bcc')).toBe(false);

      const html = parsed.html as string;
      expect(html).toContain(
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; Sons ]]&gt; 李小龍 👍🏽',
      );
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<img src=x');
      expect(html).toContain('href="mailto:jane+leads@example.com"');
      expect(html).toContain('href="tel:+447700900123"');
      expect(html).toContain(
        '1 &quot;High&quot; Street\nBcc: someone@example.com<br />Zürich 8001<br />CH',
      );
      expect(html).toContain(`>${DELIVERY_ID}</td>`);
      expect(html).toContain('very long very long');

      expect(parsed.text).toBe(rendered.text);
      expect(parsed.text).toContain(
        `Name: <script>alert("x")</script> O'Brien & Sons ]]> 李小龍 👍🏽\n`,
      );
      expect(parsed.text).toContain(`Delivery id: ${DELIVERY_ID}\n`);
    } finally {
      mailer.onModuleDestroy();
      await server.stop();
    }
  });

  it('sends the same Message-ID and delivery id on every attempt of a delivery', async () => {
    const server = await SmtpTestServer.start();
    const mailer = sender(server.url);
    try {
      const email = {
        to: 'p@acme.test',
        subject: 's',
        html: '<p>h</p>',
        text: 't',
        deliveryId: DELIVERY_ID,
        leadId: LEAD_ID,
      };
      await mailer.send(email);
      await mailer.send(email);
      const ids = server.received.map((message) => [
        message.parsed.messageId,
        message.parsed.headers.get('x-leadrail-delivery-id'),
      ]);
      expect(ids).toEqual([
        [`<delivery-${DELIVERY_ID}@leadrail.test>`, DELIVERY_ID],
        [`<delivery-${DELIVERY_ID}@leadrail.test>`, DELIVERY_ID],
      ]);
    } finally {
      mailer.onModuleDestroy();
      await server.stop();
    }
  });

  it('logs in with the credentials of SMTP_URL, percent-decoded', async () => {
    const server = await SmtpTestServer.start({ login: { user: 'lead@rail', pass: 'p:ss/w@rd' } });
    const mailer = sender(`smtp://lead%40rail:p%3Ass%2Fw%40rd@127.0.0.1:${server.port}`);
    const wrong = sender(`smtp://lead%40rail:nope@127.0.0.1:${server.port}`);
    try {
      const email = {
        to: 'p@acme.test',
        subject: 's',
        html: '<p>h</p>',
        text: 't',
        deliveryId: DELIVERY_ID,
        leadId: LEAD_ID,
      };
      await expect(mailer.send(email)).resolves.toMatchObject({
        response: expect.stringContaining('250') as string,
      });
      // A refused login is LeadRail's settings, not the partner refusing the lead.
      await expectSendError(wrong.send(email), { permanent: false, code: 'EAUTH' });
    } finally {
      mailer.onModuleDestroy();
      wrong.onModuleDestroy();
      await server.stop();
    }
  });

  const email = {
    to: 'p@acme.test',
    subject: 's',
    html: '<p>h</p>',
    text: 't',
    deliveryId: DELIVERY_ID,
    leadId: LEAD_ID,
  };

  it('reports a 550 for the recipient as permanent (rejected)', async () => {
    const server = await SmtpTestServer.start({ rejectRecipient: 550 });
    const mailer = sender(server.url);
    try {
      const error = await expectSendError(mailer.send(email), {
        permanent: true,
        code: 'EENVELOPE',
        smtp: {
          command: 'RCPT TO',
          responseCode: 550,
          response: expect.stringContaining('550') as string,
        },
      });
      expect(error.message).toContain('refused for good');
      expect(server.received).toHaveLength(0);
    } finally {
      mailer.onModuleDestroy();
      await server.stop();
    }
  });

  it('reports a 554 for the message as permanent, and a 451 or 452 as transient', async () => {
    for (const [code, permanent] of [
      [554, true],
      [451, false],
      [452, false],
    ] as const) {
      const server = await SmtpTestServer.start(
        code === 451 ? { rejectRecipient: code } : { rejectData: code },
      );
      const mailer = sender(server.url);
      try {
        await expectSendError(mailer.send(email), {
          permanent,
          smtp: expect.objectContaining({ responseCode: code }) as EmailSendError['smtp'],
        });
      } finally {
        mailer.onModuleDestroy();
        await server.stop();
      }
    }
  });

  it('reports a dropped connection as transient (a retry may help)', async () => {
    const server = await startDroppingServer();
    const mailer = sender(server.url);
    try {
      const error = await expectSendError(mailer.send(email), {
        permanent: false,
        code: 'ECONNECTION',
      });
      expect(error.message).toContain('a retry may succeed');
    } finally {
      mailer.onModuleDestroy();
      await server.stop();
    }
  });

  it('reports a server that is not there as transient', async () => {
    const server = await SmtpTestServer.start();
    const url = server.url;
    await server.stop();
    const mailer = sender(url);
    try {
      const error = await expectSendError(mailer.send(email), { permanent: false });
      expect(error.message).toContain('ECONNREFUSED');
    } finally {
      mailer.onModuleDestroy();
    }
  });

  it('refuses what it cannot send before connecting', async () => {
    const mailer = sender('smtp://127.0.0.1:9');
    try {
      const refusals = [
        await expectSendError(mailer.send({ ...email, to: 'a@b.test, c@d.test' }), {
          permanent: true,
        }),
        await expectSendError(mailer.send({ ...email, to: 'x@y.test\r\nBcc: z@w.test' }), {
          permanent: true,
        }),
        await expectSendError(mailer.send({ ...email, deliveryId: 'id>\r\nX-Evil: 1' }), {
          permanent: true,
        }),
      ];
      expect(refusals.map((error) => error.code)).toEqual([
        'INVALID_RECIPIENT',
        'INVALID_RECIPIENT',
        'INVALID_MESSAGE',
      ]);
    } finally {
      mailer.onModuleDestroy();
    }
  });

  it('sends nothing without SMTP_URL, saying a retry may help once it is set', async () => {
    const mailer = new EmailSender(emailSettings({}));
    expect(mailer.configured).toBe(false);
    await expectSendError(mailer.send(email), { permanent: false, code: 'NOT_CONFIGURED' });
  });
});
