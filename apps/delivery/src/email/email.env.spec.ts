import { ConfigError } from '@leadrail/nest-kit';
import { emailSettings, parseMailbox, parseSmtpUrl } from './email.env';

function problemsOf(env: NodeJS.ProcessEnv): { variable: string; message: string }[] {
  try {
    emailSettings(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return [...error.problems];
    }
    throw error;
  }
  return [];
}

describe('the email variables (SMTP_URL, EMAIL_FROM)', () => {
  it('are optional: without SMTP_URL email delivery is off', () => {
    expect(emailSettings({})).toEqual({ smtp: null, from: null });
    expect(emailSettings({ SMTP_URL: ' ', EMAIL_FROM: '' })).toEqual({ smtp: null, from: null });
  });

  it('read an SMTP server and a sender', () => {
    expect(
      emailSettings({
        SMTP_URL: 'smtps://lead%40rail:p%3Ass@mail.example.com',
        EMAIL_FROM: 'LeadRail Leads <leads@example.com>',
      }),
    ).toEqual({
      smtp: {
        host: 'mail.example.com',
        port: 465,
        secure: true,
        auth: { user: 'lead@rail', pass: 'p:ss' },
      },
      from: { name: 'LeadRail Leads', address: 'leads@example.com' },
    });
  });

  it.each([
    ['smtp://relay.internal', { host: 'relay.internal', port: 587, secure: false }],
    ['smtp://127.0.0.1:2525/', { host: '127.0.0.1', port: 2525, secure: false }],
    ['smtp://[::1]:25', { host: '::1', port: 25, secure: false }],
    ['smtps://mail.example.com:2465', { host: 'mail.example.com', port: 2465, secure: true }],
  ])('take %s', (url, server) => {
    expect(parseSmtpUrl(url)).toEqual(server);
  });

  it.each([
    ['not a URL', 'relay.internal:25'],
    ['another scheme', 'http://relay.internal'],
    ['no host', 'smtp://'],
    ['a path', 'smtp://relay.internal/x'],
    ['a query', 'smtp://relay.internal?pool=true'],
    ['port 0', 'smtp://relay.internal:0'],
    ['a user without a password', 'smtp://user@relay.internal'],
    ['a badly encoded password', 'smtp://user:%E0%A4%A@relay.internal'],
  ])('refuse %s', (_case, url) => {
    expect(parseSmtpUrl(url)).toEqual({
      problem: expect.stringContaining('SMTP_URL must be') as string,
    });
  });

  it('never repeat the password in a problem', () => {
    const problems = problemsOf({ SMTP_URL: 'smtp://user:s3cret-Passw0rd@relay.internal/path' });
    expect(problems).toEqual([
      { variable: 'SMTP_URL', message: expect.stringContaining('path') as string },
      { variable: 'EMAIL_FROM', message: expect.stringContaining('required') as string },
    ]);
    expect(JSON.stringify(problems)).not.toContain('s3cret');
  });

  it.each([
    ['leads@example.com', { address: 'leads@example.com' }],
    ['  <leads@example.com> ', { address: 'leads@example.com' }],
    [
      '"Leads, LeadRail" <leads@mail.example.com>',
      { name: 'Leads, LeadRail', address: 'leads@mail.example.com' },
    ],
    ['Zoë <zoe@example.com>', { name: 'Zoë', address: 'zoe@example.com' }],
  ])('take the sender %j', (text, mailbox) => {
    expect(parseMailbox(text)).toEqual(mailbox);
  });

  it.each([
    'leads',
    'leads@',
    'a@b.com, c@d.com',
    'Leads <leads@example.com>\r\nBcc: x@y.com',
    '<leads@exa mple.com>',
    'leads@-example.com',
  ])('refuse the sender %j', (text) => {
    expect(parseMailbox(text)).toEqual({
      problem: expect.stringContaining('EMAIL_FROM must be') as string,
    });
  });

  it('report every problem at once, naming the variable', () => {
    expect(problemsOf({ SMTP_URL: 'ftp://x', EMAIL_FROM: 'nobody' })).toEqual([
      { variable: 'SMTP_URL', message: expect.stringContaining('the scheme is ftp') as string },
      { variable: 'EMAIL_FROM', message: expect.stringContaining('EMAIL_FROM must be') as string },
    ]);
    expect(problemsOf({ EMAIL_FROM: 'leads@example.com' })).toEqual([]);
  });
});
