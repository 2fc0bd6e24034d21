import { LABEL_CELL_STYLE, VALUE_CELL_STYLE } from './email-blocks';
import type { EmailTemplate } from './email-template-model';

const LINK = 'color:#1d4ed8;text-decoration:none;';

function row(label: string, value: string): string {
  return `<tr><td style="${LABEL_CELL_STYLE}">${label}</td><td style="${VALUE_CELL_STYLE}">${value}</td></tr>`;
}

/**
 * LeadRail's lead email until operators set their own: the lead's name,
 * contact, address, answers, type, value and ids, in one responsive column
 * (contact and address side by side on wide screens, stacked on phones).
 */
export const DEFAULT_EMAIL_TEMPLATE: EmailTemplate = {
  subject: 'New lead: {{ lead.type }} {{ lead.id }}',
  mjml: `<mjml lang="en">
  <mj-head>
    <mj-title>New lead: {{ lead.type }}</mj-title>
    <mj-preview>{{ lead.full_name }} · {{ lead.type }} · {{ lead.value.decimal }} {{ lead.value.currency }}</mj-preview>
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
        <mj-text color="#bfdbfe" font-size="12px" line-height="16px" font-weight="600" text-transform="uppercase" letter-spacing="1px">New lead</mj-text>
        <mj-text color="#ffffff" font-size="24px" line-height="32px" font-weight="700" padding-top="6px">{{ lead.full_name }}</mj-text>
        <mj-text color="#dbeafe" padding-top="4px">{{ lead.type }} · {{ lead.value.decimal }} {{ lead.value.currency }}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="24px 0 8px">
      <mj-column width="50%" padding-bottom="16px">
        <mj-text mj-class="heading">Contact</mj-text>
        <mj-table>
          ${row('Email', `<a href="mailto:{{ lead.email }}" style="${LINK}">{{ lead.email }}</a>`)}
          ${row('Phone', `<a href="tel:{{ lead.phone }}" style="${LINK}">{{ lead.phone }}</a>`)}
        </mj-table>
      </mj-column>
      <mj-column width="50%" padding-bottom="16px">
        <mj-text mj-class="heading">Address</mj-text>
        <mj-table>
          <tr><td style="${VALUE_CELL_STYLE}">{{ lead.address }}</td></tr>
        </mj-table>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="8px 0 16px">
      <mj-column>
        <mj-text mj-class="heading">Answers</mj-text>
        <mj-text>{{ lead.answers_table }}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" border-radius="0 0 8px 8px" padding="8px 0 24px">
      <mj-column>
        <mj-text mj-class="heading">Lead details</mj-text>
        <mj-table>
          ${row('Lead type', '{{ lead.type }}')}
          ${row('Value', '{{ lead.value.decimal }} {{ lead.value.currency }}')}
          ${row('Received', '{{ lead.received_at }}')}
          ${row('Introducer reference', '{{ lead.external_reference }}')}
          ${row('Lead id', '{{ lead.id }}')}
          ${row('Delivery id', '{{ delivery.id }}')}
        </mj-table>
      </mj-column>
    </mj-section>
    <mj-section padding="16px 0 24px">
      <mj-column>
        <mj-text font-size="12px" line-height="18px" color="#6b7280" align="center">Sent by LeadRail to {{ partner.name }}. A resend of this lead carries the same delivery id.</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`,
};
