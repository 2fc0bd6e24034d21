import type { PartnerCommand } from '../commands/partner-commands';
import { decidePartner } from '../decide/decide-partner';
import { defaultDeliverySchedule } from '../decide/registration-defaults';
import { PartnerError } from '../errors/partner-error';
import type { PartnerEvent, PartnerRegistered } from '../events/partner-events';
import { evolvePartner } from '../evolve/evolve-partner';
import type { CommandMetadata } from '../model/command-metadata';
import type { DayWindow, DeliverySchedule, Weekday } from '../model/delivery-settings';
import type { Money } from '../model/money';
import { DEFAULT_SELECTION_PRIORITY, type KnownLeadType } from '../model/lead-buying';
import type { PartnerRegistrationSettings, PartnerSettings } from '../model/partner-settings';
import { initialPartnerState, type PartnerState } from '../model/partner-state';

// Builders for decider tests written as given events / when command / then events.
// The casts below: TypeScript cannot relate a generic Omit back to its union member.

export const PARTNER_ID = 'acme-leads';
export const OCCURRED_AT = '2026-03-02T09:00:00.000Z';
export const REGISTERED_AT = '2026-01-05T10:00:00.000Z';

/** Pounds sterling in pence. */
export function gbp(amount: number): Money {
  return { amount, currency: 'GBP' };
}

/** Metadata of an operator's command at {@link OCCURRED_AT}. */
export function byOperator(overrides: Partial<CommandMetadata> = {}): CommandMetadata {
  return { actor: { type: 'operator', id: 'operator-1' }, occurredAt: OCCURRED_AT, ...overrides };
}

/** Metadata of a command from a partner's portal. */
export function byPartner(partnerId = PARTNER_ID): CommandMetadata {
  return byOperator({ actor: { type: 'partner', id: partnerId } });
}

/** Metadata of a command from automation. */
export function bySystem(): CommandMetadata {
  return byOperator({ actor: { type: 'system', id: 'importer' } });
}

type CommandOfType<T extends PartnerCommand['type']> = Extract<PartnerCommand, { type: T }>;

/** A command to {@link PARTNER_ID}. */
export function command<T extends PartnerCommand['type']>(
  type: T,
  data: Omit<CommandOfType<T>['data'], 'partnerId'>,
  metadata: CommandMetadata = byOperator(),
): CommandOfType<T> {
  return {
    type,
    data: { partnerId: PARTNER_ID, ...data },
    metadata,
  } as unknown as CommandOfType<T>;
}

type EventOfType<T extends PartnerEvent['type']> = Extract<PartnerEvent, { type: T }>;

/** An event of {@link PARTNER_ID}. */
export function event<T extends PartnerEvent['type']>(
  type: T,
  data: Omit<EventOfType<T>['data'], 'partnerId'>,
): EventOfType<T> {
  return { type, data: { partnerId: PARTNER_ID, ...data } } as unknown as EventOfType<T>;
}

/** What a registration with only the required settings records, for a partner buying at £25. */
export function defaultRegistrationSettings(): PartnerRegistrationSettings {
  return {
    partnerType: { introducer: false, partner: true, leadCost: null, leadValue: gbp(2500) },
    portalAccess: { level: 'none', requireReferralAcceptance: false, mayUpdateLeadStatus: false },
    portalLogin: null,
    payment: { mode: 'pre-pay' },
    billingPoint: 'delivery',
    delivery: { email: true, internet: null },
    limits: { daily: 0, monthly: 0 },
    schedule: defaultDeliverySchedule(),
    contact: { phone: null, email: null, transferPhone: null },
    textAlerts: { onReferral: false, onLowFunds: false },
    lowFundsThreshold: gbp(0),
  };
}

/** The partner's settings after that registration: it buys nothing yet, at the default priority. */
export function defaultSettings(): PartnerSettings {
  return {
    ...defaultRegistrationSettings(),
    leadTypesBought: [],
    selectionPriority: DEFAULT_SELECTION_PRIORITY,
  };
}

/** A PartnerRegistered for a partner with the default settings, changed by `settings`. */
export function registered(settings: Partial<PartnerRegistrationSettings> = {}): PartnerRegistered {
  return event('PartnerRegistered', {
    name: 'Acme Leads',
    currency: 'GBP',
    registeredAt: REGISTERED_AT,
    settings: { ...defaultRegistrationSettings(), ...settings },
  });
}

/** The lead types the leads service defined, as the partners service heard of them. */
export const LEAD_TYPE_CATALOGUE: readonly KnownLeadType[] = [
  { slug: 'mortgage', active: true },
  { slug: 'home-insurance', active: true },
  { slug: 'equity-release', active: false },
];

/** A partner that both buys (lead value £25) and sells (lead cost £10) leads. */
export function registeredAsBoth(): PartnerRegistered {
  return registered({
    partnerType: { introducer: true, partner: true, leadCost: gbp(1000), leadValue: gbp(2500) },
  });
}

/** The state after `given`. */
export function stateAfter(given: PartnerEvent[]): PartnerState {
  return given.reduce(evolvePartner, initialPartnerState());
}

/** The events `when` decides after the events `given`. */
export function decideAfter(given: PartnerEvent[], when: PartnerCommand): PartnerEvent[] {
  return decidePartner(when, stateAfter(given));
}

/** The PartnerError `when` is refused with after `given`; fails the test when it is not refused. */
export function refusalOf(given: PartnerEvent[], when: PartnerCommand): PartnerError {
  try {
    const events = decideAfter(given, when);
    throw new Error(
      `expected ${when.type} to be refused, but it decided ${JSON.stringify(events)}`,
    );
  } catch (error) {
    if (error instanceof PartnerError) {
      return error;
    }
    throw error;
  }
}

/** A schedule with the given windows on some days, every other day disabled. */
export function scheduleOf(
  timeZone: string,
  windows: Partial<Record<Weekday, Omit<DayWindow, 'enabled'>>>,
): DeliverySchedule {
  const base = defaultDeliverySchedule();
  const days = { ...base.days };
  for (const day of Object.keys(days) as Weekday[]) {
    const window = windows[day];
    days[day] =
      window === undefined
        ? { enabled: false, from: '00:00', to: '00:00' }
        : { enabled: true, ...window };
  }
  return { timeZone, days };
}

/** Monday to Friday, 09:00-17:00. */
export function weekdaysNineToFive(timeZone: string): DeliverySchedule {
  const window = { from: '09:00', to: '17:00' };
  return scheduleOf(timeZone, { mon: window, tue: window, wed: window, thu: window, fri: window });
}
