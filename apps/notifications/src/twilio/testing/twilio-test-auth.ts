import { timingSafeEqual } from 'node:crypto';
import type { TestAnswer, TestRequest } from './twilio-test-http';

/** Twilio's answer to a request without the account's credentials. */
export const AUTHENTICATE: TestAnswer = {
  status: 401,
  body: {
    code: 20003,
    detail: 'Your AccountSid or AuthToken was incorrect.',
    message: 'Authenticate',
    more_info: 'https://www.twilio.com/docs/errors/20003',
    status: 401,
  },
};

/**
 * Who a request's HTTP Basic credentials name, and whether they hold: the
 * Account SID with the Auth Token, or an API key's SID with its secret.
 */
export function credentialsOf(
  request: TestRequest,
  account: { accountSid: string; authToken: string; apiKeys: ReadonlyMap<string, string> },
): { user: string; valid: boolean } | null {
  const basic = /^Basic (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const [user, secret] = Buffer.from(basic ?? '', 'base64')
    .toString('utf8')
    .split(/:(.*)/s);
  if (!user || secret === undefined) {
    return null;
  }
  const expected = user === account.accountSid ? account.authToken : account.apiKeys.get(user);
  return { user, valid: expected !== undefined && same(secret, expected) };
}

function same(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
