import { EmailSendError, classifySendFailure } from './email-send-error';

function nodemailerError(code: string, command?: string, response?: string): Error {
  const responseCode = response ? Number(/^\d+/.exec(response)?.[0]) : undefined;
  return Object.assign(new Error(`failed: ${response ?? code}`), {
    code,
    command,
    response,
    responseCode,
  });
}

describe('classifySendFailure', () => {
  it.each([
    [
      '550 for the recipient',
      nodemailerError('EENVELOPE', 'RCPT TO', '550 5.1.1 No such user'),
      true,
    ],
    ['554 for the message', nodemailerError('EMESSAGE', 'DATA', '554 5.7.1 Spam'), true],
    ['an address nodemailer cannot use', nodemailerError('EENVELOPE', 'API'), true],
    [
      '451 for the recipient',
      nodemailerError('EENVELOPE', 'RCPT TO', '451 4.7.1 Greylisted'),
      false,
    ],
    ['452 for the message', nodemailerError('EMESSAGE', 'DATA', '452 4.3.1 Full'), false],
    ['503 out of sequence', nodemailerError('EENVELOPE', 'DATA', '503 5.5.1 Bad sequence'), false],
    [
      '535 for the login',
      nodemailerError('EAUTH', 'AUTH PLAIN', '535 5.7.8 Bad credentials'),
      false,
    ],
    [
      '550 for the sender',
      nodemailerError('EENVELOPE', 'MAIL FROM', '550 5.7.1 Not allowed'),
      false,
    ],
    ['554 at the greeting', nodemailerError('ECONNECTION', 'CONN', '554 No service'), false],
    ['a dropped connection', nodemailerError('ECONNECTION', 'CONN'), false],
    ['a timeout', nodemailerError('ETIMEDOUT', 'CONN'), false],
    ['a TLS failure', nodemailerError('ETLS', 'CONN'), false],
    ['something else', new Error('boom'), false],
  ])('%s: permanent %s', (_case, error, permanent) => {
    const classified = classifySendFailure(error);
    expect(classified).toBeInstanceOf(EmailSendError);
    expect(classified.permanent).toBe(permanent);
  });

  it('keeps what the server said', () => {
    expect(
      classifySendFailure(nodemailerError('EENVELOPE', 'RCPT TO', '550 5.1.1 No such user')),
    ).toMatchObject({
      code: 'EENVELOPE',
      smtp: { command: 'RCPT TO', responseCode: 550, response: '550 5.1.1 No such user' },
      message: 'email refused for good: failed: 550 5.1.1 No such user',
    });
  });
});
