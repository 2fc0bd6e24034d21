import { ConfigError } from '@leadrail/nest-kit';
import { twilioSettings } from './twilio.env';

const SID = `AC${'a1'.repeat(16)}`;
const TOKEN = 'f0'.repeat(16);
const SERVICE = `MG${'0b'.repeat(16)}`;
const ALL = {
  TWILIO_ACCOUNT_SID: SID,
  TWILIO_AUTH_TOKEN: TOKEN,
  TWILIO_FROM: '+447700900123',
  PUBLIC_NOTIFICATIONS_URL: 'https://leadrail.example.com/api/',
  PARTNERS_URL: 'http://partners:3001',
  PARTNERS_TOKEN: 'lr_admin-token-of-partners',
};

function problemsOf(env: NodeJS.ProcessEnv): { variable: string; message: string }[] {
  try {
    twilioSettings(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return [...error.problems];
    }
    throw error;
  }
  return [];
}

describe('the Twilio variables', () => {
  it('are optional together: none set is SMS off', () => {
    expect(twilioSettings({})).toEqual({ twilio: null, partners: null });
    expect(twilioSettings({ TWILIO_ACCOUNT_SID: ' ', TWILIO_FROM: '' }).twilio).toBeNull();
  });

  it('read the connection when all are set, Twilio itself by default', () => {
    expect(twilioSettings({ ...ALL, TWILIO_AUTH_TOKEN: ` ${TOKEN}\n` })).toEqual({
      twilio: {
        accountSid: SID,
        authToken: TOKEN,
        sender: { phoneNumber: '+447700900123' },
        apiBaseUrl: 'https://api.twilio.com',
        publicUrl: 'https://leadrail.example.com/api',
      },
      partners: { url: 'http://partners:3001', token: 'lr_admin-token-of-partners' },
    });
  });

  it('take a Messaging Service as the sender', () => {
    expect(twilioSettings({ ...ALL, TWILIO_FROM: SERVICE }).twilio?.sender).toEqual({
      messagingServiceSid: SERVICE,
    });
  });

  it('take another API base: https, or plain http on this machine only', () => {
    const base = (url: string) => twilioSettings({ ...ALL, TWILIO_API_BASE_URL: url }).twilio;
    expect(base('https://twilio-proxy.example.com/')?.apiBaseUrl).toBe(
      'https://twilio-proxy.example.com',
    );
    expect(base('http://127.0.0.1:4010')?.apiBaseUrl).toBe('http://127.0.0.1:4010');
    expect(problemsOf({ ...ALL, TWILIO_API_BASE_URL: 'http://api.twilio.com' })).toEqual([
      {
        variable: 'TWILIO_API_BASE_URL',
        message: expect.stringContaining('the scheme is http') as unknown,
      },
    ]);
    expect(problemsOf({ ...ALL, TWILIO_API_BASE_URL: 'https://x.test/2010-04-01' })).toEqual([
      {
        variable: 'TWILIO_API_BASE_URL',
        message: expect.stringContaining('has a path') as unknown,
      },
    ]);
  });

  it('refuse half a configuration, naming every variable missing', () => {
    expect(problemsOf({ TWILIO_ACCOUNT_SID: SID }).map((p) => p.variable)).toEqual([
      'TWILIO_AUTH_TOKEN',
      'TWILIO_FROM',
      'PUBLIC_NOTIFICATIONS_URL',
      'PARTNERS_URL',
      'PARTNERS_TOKEN',
    ]);
    expect(problemsOf({ TWILIO_API_BASE_URL: 'http://localhost:4010' })).toHaveLength(6);
    expect(problemsOf({ ...ALL, PARTNERS_TOKEN: undefined })).toEqual([
      {
        variable: 'PARTNERS_TOKEN',
        message: expect.stringContaining('required when any TWILIO_* variable is set') as unknown,
      },
    ]);
  });

  it('refuse malformed values without repeating secrets', () => {
    const problems = problemsOf({
      ...ALL,
      TWILIO_ACCOUNT_SID: 'SK0123',
      TWILIO_AUTH_TOKEN: 'not-the-token-secret',
      TWILIO_FROM: '07700 900123',
      PUBLIC_NOTIFICATIONS_URL: 'https://leadrail.example.com/?x=1',
      PARTNERS_TOKEN: 'short',
    });
    expect(problemsOf({ ...ALL, TWILIO_FROM: 'LeadRail' })[0]?.variable).toBe('TWILIO_FROM');
    expect(problems.map((p) => p.variable)).toEqual([
      'TWILIO_ACCOUNT_SID',
      'TWILIO_AUTH_TOKEN',
      'TWILIO_FROM',
      'PUBLIC_NOTIFICATIONS_URL',
      'PARTNERS_TOKEN',
    ]);
    expect(JSON.stringify(problems)).not.toContain('not-the-token-secret');
  });

  it('check the public and partners URLs when set without Twilio, and otherwise leave them be', () => {
    expect(problemsOf({ PUBLIC_NOTIFICATIONS_URL: 'ftp://x' })[0]?.variable).toBe(
      'PUBLIC_NOTIFICATIONS_URL',
    );
    expect(
      twilioSettings({ PARTNERS_URL: 'http://partners:3001', PARTNERS_TOKEN: 'x'.repeat(20) }),
    ).toEqual({ twilio: null, partners: { url: 'http://partners:3001', token: 'x'.repeat(20) } });
  });
});
