import { LABEL_CELL_STYLE, VALUE_CELL_STYLE } from '../email/email-blocks';

/**
 * The places a referral email's values go, each written in the MJML as a
 * token `lrref<name>x` (letters only, which MJML copies as they are): the
 * document is compiled once per variant and the tokens are then replaced by
 * the values, escaped (`fillReferralEmailHtml`), so no value reaches MJML.
 */
export const REFERRAL_EMAIL_SLOTS = [
  'title',
  'preview',
  'leadtype',
  'area',
  'expiry',
  'expiryutc',
  'partner',
  'leadid',
  'answers',
  'accepturl',
  'declineurl',
] as const;

/** One of {@link REFERRAL_EMAIL_SLOTS}. */
export type ReferralEmailSlot = (typeof REFERRAL_EMAIL_SLOTS)[number];

/** The token standing for a slot in the MJML and in the compiled HTML. */
export function referralEmailToken(slot: ReferralEmailSlot): string {
  return `lrref${slot}x`;
}

const t = referralEmailToken;

function row(label: string, value: string): string {
  return `<tr><td style="${LABEL_CELL_STYLE}">${label}</td><td style="${VALUE_CELL_STYLE}">${value}</td></tr>`;
}

/** The two buttons, side by side on wide screens and stacked on phones. */
const ANSWER_BUTTONS = `
    <mj-section background-color="#ffffff" padding="8px 0 8px">
      <mj-column width="50%">
        <mj-button href="${t('accepturl')}" background-color="#15803d" color="#ffffff" font-size="16px" font-weight="700" inner-padding="14px 28px" border-radius="6px" width="100%" padding="8px 24px" title="Accept this lead">Accept</mj-button>
      </mj-column>
      <mj-column width="50%">
        <mj-button href="${t('declineurl')}" background-color="#ffffff" color="#374151" border="2px solid #9ca3af" font-size="16px" font-weight="700" inner-padding="12px 28px" border-radius="6px" width="100%" padding="8px 24px" title="Decline this lead">Decline</mj-button>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="0 0 16px">
      <mj-column>
        <mj-text font-size="13px" line-height="18px" color="#6b7280" align="center">Each button opens a page where you confirm your answer.</mj-text>
      </mj-column>
    </mj-section>`;

/** Without link settings: the partner answers in its portal. */
const PORTAL_NOTE = `
    <mj-section background-color="#ffffff" padding="8px 0 16px">
      <mj-column>
        <mj-text>Accept or decline it in the LeadRail partner portal, under Referrals.</mj-text>
      </mj-column>
    </mj-section>`;

/**
 * LeadRail's referral email, as MJML with tokens: a 600-pixel card saying
 * which lead is offered (type, area), until when, its answers, and the Accept
 * and Decline buttons (or, without links, where to answer). Never the person:
 * the input has no name, email, phone or street to show.
 */
export function referralEmailMjml(withLinks: boolean): string {
  return `<mjml lang="en">
  <mj-head>
    <mj-title>${t('title')}</mj-title>
    <mj-preview>${t('preview')}</mj-preview>
    <mj-attributes>
      <mj-all font-family="-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" />
      <mj-text font-size="15px" line-height="22px" color="#111827" padding="0 24px" />
      <mj-table font-size="14px" line-height="20px" color="#111827" padding="0 24px" />
      <mj-class name="heading" font-size="12px" line-height="16px" color="#6b7280" font-weight="600" text-transform="uppercase" letter-spacing="1px" padding="0 24px 8px" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f3f4f6" width="600px">
    <mj-section padding="24px 0 0" />
    <mj-section background-color="#1e3a8a" border-radius="8px 8px 0 0" padding="24px 0">
      <mj-column>
        <mj-text color="#bfdbfe" font-size="12px" line-height="16px" font-weight="600" text-transform="uppercase" letter-spacing="1px">Lead offered to you</mj-text>
        <mj-text color="#ffffff" font-size="24px" line-height="32px" font-weight="700" padding-top="6px">${t('leadtype')}</mj-text>
        <mj-text color="#dbeafe" padding-top="4px">${t('area')}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="24px 0 8px">
      <mj-column>
        <mj-text>Accept it to receive the full lead, with the person's contact details. Answer by <strong>${t('expiry')}</strong>; after that the offer lapses.</mj-text>
      </mj-column>
    </mj-section>${withLinks ? ANSWER_BUTTONS : PORTAL_NOTE}
    <mj-section background-color="#ffffff" padding="8px 0 16px">
      <mj-column>
        <mj-text mj-class="heading">Answers</mj-text>
        <mj-text>${t('answers')}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" border-radius="0 0 8px 8px" padding="8px 0 24px">
      <mj-column>
        <mj-text mj-class="heading">The offer</mj-text>
        <mj-table>
          ${row('Lead type', t('leadtype'))}
          ${row('Area', t('area'))}
          ${row('Answer by', t('expiry'))}
          ${row('In UTC', t('expiryutc'))}
          ${row('Lead id', t('leadid'))}
        </mj-table>
      </mj-column>
    </mj-section>
    <mj-section padding="16px 0 24px">
      <mj-column>
        <mj-text font-size="12px" line-height="18px" color="#6b7280" align="center">Sent by LeadRail to ${t('partner')}, which asked to accept leads before receiving them.</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;
}
