import { ConfigError } from '@leadrail/nest-kit';
import { referralLinkSettings } from './referral-links.env';

const SECRET = 'a-referral-link-secret-of-32-characters-or-more';

function problemsOf(env: NodeJS.ProcessEnv): { variable: string; message: string }[] {
  try {
    referralLinkSettings(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return [...error.problems];
    }
    throw error;
  }
  return [];
}

describe('the referral link variables (PUBLIC_LEADS_URL, REFERRAL_LINK_SECRET)', () => {
  it('are optional together: without them the email sends partners to the portal', () => {
    expect(referralLinkSettings({})).toEqual({ publicLeadsUrl: null, secret: null });
    expect(referralLinkSettings({ PUBLIC_LEADS_URL: ' ', REFERRAL_LINK_SECRET: '' })).toEqual({
      publicLeadsUrl: null,
      secret: null,
    });
  });

  it('read the public URL (no trailing slash) and the first secret, which signs', () => {
    expect(
      referralLinkSettings({
        PUBLIC_LEADS_URL: 'https://leads.example.com/leadrail/',
        REFERRAL_LINK_SECRET: `${SECRET}, ${SECRET}-old`,
      }),
    ).toEqual({
      publicLeadsUrl: 'https://leads.example.com/leadrail',
      secret: Buffer.from(SECRET),
    });
  });

  it('refuse one without the other, a URL that is not a base, a short secret; never repeating it', () => {
    expect(problemsOf({ PUBLIC_LEADS_URL: 'https://leads.example.com' })).toEqual([
      {
        variable: 'REFERRAL_LINK_SECRET',
        message: expect.stringContaining('is required') as string,
      },
    ]);
    expect(problemsOf({ REFERRAL_LINK_SECRET: SECRET })).toEqual([
      { variable: 'PUBLIC_LEADS_URL', message: expect.stringContaining('is required') as string },
    ]);
    for (const url of [
      'leads.example.com',
      'ftp://x',
      'https://u:p@x',
      'https://x/?a=1',
      'https://x/#f',
    ]) {
      expect(problemsOf({ PUBLIC_LEADS_URL: url, REFERRAL_LINK_SECRET: SECRET })).toEqual([
        {
          variable: 'PUBLIC_LEADS_URL',
          message: expect.stringContaining('PUBLIC_LEADS_URL must') as string,
        },
      ]);
    }
    const short = problemsOf({ PUBLIC_LEADS_URL: 'https://x', REFERRAL_LINK_SECRET: 'too-short' });
    expect(short).toEqual([
      {
        variable: 'REFERRAL_LINK_SECRET',
        message: expect.stringContaining('at least 32') as string,
      },
    ]);
    expect(JSON.stringify(short)).not.toContain('too-short');
  });
});
