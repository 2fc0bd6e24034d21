import {
  DEFAULT_NOTIFICATION_SETTINGS,
  MAX_SMS_LENGTH,
  renderSms,
  templateProblems,
} from './notification-settings';
import {
  NotificationSettingsError,
  decideNotificationSettings,
} from './notification-settings-aggregate';

describe('text templates', () => {
  it('render the variables as plain text, nothing escaped', () => {
    expect(
      renderSms(
        DEFAULT_NOTIFICATION_SETTINGS.smsTemplates['low-funds'],
        {
          partnerName: 'Smith & Co <Ltd>',
          available: '£5.00',
          threshold: '£10.00',
        },
        'ab12cd34',
      ),
    ).toMatch(/Smith & Co <Ltd>, your available funds are £5\.00.* Ref ab12cd34$/);
  });

  it('cut a text at the longest an SMS may be, never inside a character', () => {
    expect(
      renderSms('{{partnerName}}', { partnerName: 'x'.repeat(2000) }, 'ab12cd34'),
    ).toHaveLength(MAX_SMS_LENGTH);
    const emoji = renderSms('{{partnerName}}', { partnerName: '😀'.repeat(2000) }, 'ab12cd34');
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(Array.from(emoji)).toHaveLength(MAX_SMS_LENGTH);
  });

  it('refuse a variable of another purpose, sections, and what does not parse', () => {
    expect(templateProblems('low-funds', 'Hi {{leadType}}')).toEqual([
      'uses {{leadType}}, which is not one of partnerName, available, threshold',
    ]);
    expect(templateProblems('referral', '{{#leadType}}x{{/leadType}}')).toEqual([
      'uses {{#leadType}}: only variables are allowed',
    ]);
    expect(templateProblems('referral', 'Hi {{leadType')[0]).toContain('does not parse');
    expect(templateProblems('referral', '  ')).toEqual(['must not be empty']);
  });

  it('settings name every field at fault, and the same settings again change nothing', () => {
    const bad = {
      smsRate: { amount: -1, currency: 'gbp' },
      smsTemplates: { referral: '{{nope}}', 'low-funds': 'ok' },
    };
    let thrown: unknown;
    try {
      decideNotificationSettings(
        {
          type: 'ChangeNotificationSettings',
          data: { settings: bad, changedBy: { type: 'operator', id: 'ops' } },
          at: 'now',
        },
        DEFAULT_NOTIFICATION_SETTINGS,
      );
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(NotificationSettingsError);
    expect((thrown as NotificationSettingsError).problems.map((problem) => problem.field)).toEqual([
      'smsRate.amount',
      'smsRate.currency',
      'smsTemplates.referral',
    ]);
    expect(
      decideNotificationSettings(
        {
          type: 'ChangeNotificationSettings',
          data: {
            settings: DEFAULT_NOTIFICATION_SETTINGS,
            changedBy: { type: 'operator', id: 'ops' },
          },
          at: 'now',
        },
        DEFAULT_NOTIFICATION_SETTINGS,
      ),
    ).toEqual([]);
  });
});
