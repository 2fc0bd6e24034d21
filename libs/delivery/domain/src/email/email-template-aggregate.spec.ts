import { deciderSpecification } from '@leadrail/decider-testing';
import { DEFAULT_EMAIL_TEMPLATE } from './default-email-template';
import {
  decideEmailTemplate,
  effectiveEmailTemplate,
  emailTemplateAggregate,
} from './email-template-aggregate';
import { EmailTemplateErrorCode } from './email-template-error';
import {
  type EmailTemplateCommand,
  type EmailTemplateEvent,
  INITIAL_EMAIL_TEMPLATE_SETTING,
  emailTemplateStream,
} from './email-template-model';
import { refusalOf } from './testing/refusal-of';

const spec = deciderSpecification(emailTemplateAggregate);
const AT = '2026-03-01T09:00:00.000Z';
const LATER = '2026-03-02T09:00:00.000Z';
const alice = { type: 'operator', id: 'alice' } as const;
const bob = { type: 'operator', id: 'bob' } as const;

const MJML = `<mjml><mj-body><mj-section><mj-column>
<mj-text>Hello {{ partner.name }}: {{ lead.full_name }}</mj-text>
</mj-column></mj-section></mj-body></mjml>`;
const SUBJECT = 'Lead {{ lead.id }}';

function replace(
  data: { subject?: string; mjml?: string; reason?: string } = {},
  actor = alice,
  occurredAt = AT,
): EmailTemplateCommand {
  return {
    type: 'ReplaceEmailTemplate',
    data: { subject: SUBJECT, mjml: MJML, ...data },
    metadata: { actor, occurredAt },
  };
}

function reset(reason?: string, actor = bob): EmailTemplateCommand {
  return {
    type: 'ResetEmailTemplate',
    data: reason === undefined ? {} : { reason },
    metadata: { actor, occurredAt: LATER },
  };
}

const replaced = (
  version = 1,
  extra: { subject?: string; mjml?: string; reason?: string } = {},
): EmailTemplateEvent => ({
  type: 'EmailTemplateReplaced',
  data: { version, changedBy: alice, changedAt: AT, subject: SUBJECT, mjml: MJML, ...extra },
});

describe('the email template setting (deliveryEmailTemplate-current)', () => {
  it('lives in one stream', () => {
    expect(emailTemplateStream()).toBe('deliveryEmailTemplate-current');
    expect(emailTemplateAggregate.streamName('current')).toBe('deliveryEmailTemplate-current');
  });

  it('starts at version 0 with the default template', () => {
    const state = emailTemplateAggregate.initialState();
    expect(state).toEqual(INITIAL_EMAIL_TEMPLATE_SETTING);
    expect(effectiveEmailTemplate(state)).toBe(DEFAULT_EMAIL_TEMPLATE);
  });

  it('records a replacement with its version, actor, time and reason', () => {
    spec
      .given([])
      .when(replace({ reason: '  New branding ' }))
      .then([replaced(1, { reason: 'New branding' })]);
  });

  it('records no reason when none is given', () => {
    spec
      .given([])
      .when(replace())
      .then([replaced(1)]);
  });

  it('counts versions across replacements and resets', () => {
    const second = { subject: 'Lead for {{ partner.name }}' };
    spec
      .given([replaced(1)])
      .when(replace(second))
      .then([replaced(2, second)]);
    spec
      .given([replaced(1), replaced(2, second)])
      .when(reset('back to the default'))
      .then([
        {
          type: 'EmailTemplateReset',
          data: { version: 3, changedBy: bob, changedAt: LATER, reason: 'back to the default' },
        },
      ]);
  });

  it('decides nothing for the same template again, or a reset of the default', () => {
    spec
      .given([replaced(1)])
      .when(replace({ reason: 'again' }))
      .then([]);
    spec.given([]).when(reset()).then([]);
    spec
      .given([
        replaced(1),
        { type: 'EmailTemplateReset', data: { version: 2, changedBy: bob, changedAt: LATER } },
      ])
      .when(reset())
      .then([]);
  });

  it('folds the setting: the custom template, or none after a reset', () => {
    const events: EmailTemplateEvent[] = [
      replaced(1, { reason: 'why' }),
      { type: 'EmailTemplateReset', data: { version: 2, changedBy: bob, changedAt: LATER } },
    ];
    const afterReplace = emailTemplateAggregate.evolve(
      emailTemplateAggregate.initialState(),
      events[0]!,
    );
    expect(afterReplace).toEqual({
      custom: { subject: SUBJECT, mjml: MJML },
      version: 1,
      changedAt: AT,
      changedBy: alice,
      reason: 'why',
    });
    expect(effectiveEmailTemplate(afterReplace)).toEqual({ subject: SUBJECT, mjml: MJML });
    const afterReset = emailTemplateAggregate.evolve(afterReplace, events[1]!);
    expect(afterReset).toEqual({
      custom: null,
      version: 2,
      changedAt: LATER,
      changedBy: bob,
      reason: null,
    });
    expect(effectiveEmailTemplate(afterReset)).toBe(DEFAULT_EMAIL_TEMPLATE);
  });

  it('refuses a template with problems, listing them by field', () => {
    spec
      .given([])
      .when(replace({ subject: '', mjml: MJML.replace('lead.full_name', 'lead.frist_name') }))
      .thenThrows({ code: EmailTemplateErrorCode.INVALID_EMAIL_TEMPLATE });
    const refusal = refusalOf(() =>
      decideEmailTemplate(
        replace({ subject: '', mjml: MJML.replace('lead.full_name', 'lead.frist_name') }),
        INITIAL_EMAIL_TEMPLATE_SETTING,
      ),
    );
    expect(refusal.problems).toEqual([
      expect.objectContaining({ field: 'subject', code: 'EMPTY_TEMPLATE' }),
      expect.objectContaining({
        field: 'mjml',
        code: 'UNKNOWN_VARIABLE',
        line: 2,
        suggestion: 'lead.first_name',
      }),
    ]);
  });

  it.each([
    ['blank', '   '],
    ['too long', 'x'.repeat(501)],
    ['holding a control character', 'oops\u0007'],
  ])('refuses a reason that is %s', (_case, reason) => {
    spec
      .given([])
      .when(replace({ reason }))
      .thenThrows({ code: EmailTemplateErrorCode.INVALID_COMMAND, field: 'reason' });
    spec
      .given([replaced(1)])
      .when(reset(reason))
      .thenThrows({ code: EmailTemplateErrorCode.INVALID_COMMAND, field: 'reason' });
  });

  it('accepts a reason of 500 characters and one over several lines', () => {
    spec
      .given([])
      .when(replace({ reason: 'é'.repeat(500) }))
      .then([replaced(1, { reason: 'é'.repeat(500) })]);
    spec
      .given([])
      .when(replace({ reason: 'first line\nsecond line' }))
      .then([replaced(1, { reason: 'first line\nsecond line' })]);
  });

  it('knows its own events only', () => {
    expect(emailTemplateAggregate.isEvent({ type: 'EmailTemplateReset', data: {} })).toBe(true);
    expect(emailTemplateAggregate.isEvent({ type: 'DeliveryRequested', data: {} })).toBe(false);
  });
});
