import { TEMPLATE_VARIABLES, type TemplateInput } from '@leadrail/delivery-templates';

function example(name: string): string {
  return String(TEMPLATE_VARIABLES.find((variable) => variable.name === name)?.example ?? '');
}

/**
 * A made-up lead for previews, built from the variable catalogue's examples
 * (Jane Doe, a mortgage lead), with a few answers of each kind. `now` comes
 * from the caller's clock.
 */
export function sampleEmailInput(now: Date): TemplateInput {
  return {
    lead: {
      id: example('lead.id'),
      type: example('lead.type'),
      receivedAt: example('lead.received_at'),
      externalReference: example('lead.external_reference'),
      firstName: example('lead.first_name'),
      lastName: example('lead.last_name'),
      email: example('lead.email'),
      phone: example('lead.phone'),
      address: {
        line1: example('lead.address.line1'),
        line2: example('lead.address.line2'),
        city: example('lead.address.city'),
        postcode: example('lead.address.postcode'),
        country: example('lead.address.country'),
      },
      answers: {
        property_value: 350000,
        mortgage_type: 'Remortgage',
        first_time_buyer: false,
        best_time_to_call: 'Weekday evenings, after 6pm.\nMobile preferred.',
      },
      value: { amount: 1250, currency: example('lead.value.currency') },
    },
    partner: {
      id: example('partner.id'),
      name: example('partner.name'),
      timeZone: 'Europe/London',
    },
    introducer: { id: example('introducer.id'), name: example('introducer.name') },
    delivery: { id: example('delivery.id'), attempt: 1 },
    now,
  };
}
