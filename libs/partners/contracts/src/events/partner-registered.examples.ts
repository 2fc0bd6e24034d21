import { IntegrationEventExample } from '@leadrail/integration-events';
import { EXAMPLE_PARTNER_ID, partnerExample } from './partner-event';
import type { PartnerRegisteredV1Data } from './profile.v1';

/** A `PartnerRegistered` v1 example. */
export type PartnerRegisteredV1Example = IntegrationEventExample<
  'PartnerRegistered',
  1,
  PartnerRegisteredV1Data
>;

/** A mortgage broker that both sends and buys leads, registered with every setting filled in. */
export const brokerRegisteredWithFullSettings: PartnerRegisteredV1Example = partnerExample(
  'PartnerRegistered',
  {
    name: 'broker-registered-with-full-settings',
    summary:
      'An introducer-and-partner registered with post-pay credit, email and JSON delivery, a weekday schedule and contact details.',
    eventId: '709a0226-4259-4f03-98c1-daf7193eb927',
    occurredAt: '2026-11-25T09:00:00.000Z',
  },
  {
    partnerId: EXAMPLE_PARTNER_ID,
    name: 'Northway Mortgages Ltd',
    currency: 'GBP',
    registeredAt: '2026-11-25T09:00:00.000Z',
    settings: {
      partnerType: {
        introducer: true,
        partner: true,
        leadCost: { amount: 1500, currency: 'GBP' },
        leadValue: { amount: 3500, currency: 'GBP' },
      },
      portalAccess: {
        level: 'leads-and-reports',
        requireReferralAcceptance: true,
        mayUpdateLeadStatus: true,
      },
      portalLogin: null,
      payment: { mode: 'post-pay', creditLimit: { amount: 50000, currency: 'GBP' } },
      billingPoint: 'acceptance',
      delivery: {
        email: true,
        internet: {
          method: 'json',
          url: 'https://crm.northway.example/api/leads',
          bodyTemplate: '{"name": "{{firstName}} {{lastName}}", "phone": "{{phone}}"}',
          headers: { 'X-Api-Version': '2' },
        },
      },
      limits: { daily: 20, monthly: 300 },
      schedule: {
        timeZone: 'Europe/London',
        days: {
          mon: { enabled: true, from: '09:00', to: '17:30' },
          tue: { enabled: true, from: '09:00', to: '17:30' },
          wed: { enabled: true, from: '09:00', to: '17:30' },
          thu: { enabled: true, from: '09:00', to: '17:30' },
          fri: { enabled: true, from: '09:00', to: '16:00' },
          sat: { enabled: false, from: '00:00', to: '00:00' },
          sun: { enabled: false, from: '00:00', to: '00:00' },
        },
      },
      contact: {
        phone: '+447700900123',
        email: 'leads@northway.example',
        transferPhone: null,
      },
      textAlerts: { onReferral: true, onLowFunds: true },
      lowFundsThreshold: { amount: 10000, currency: 'GBP' },
    },
  },
);

/** The `PartnerRegistered` v1 examples, in the order the docs show them. */
export const partnerRegisteredV1Examples: readonly PartnerRegisteredV1Example[] = [
  brokerRegisteredWithFullSettings,
];
