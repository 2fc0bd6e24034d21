import type { WeeklySchedule } from '@leadrail/schedule';

/** The ways a lead can be sent to a partner's API (spec, "Internet Delivery"). */
export const INTERNET_DELIVERY_METHODS = ['xml', 'json', 'soap-1.1', 'soap-1.2', 'post'] as const;

/** One of {@link INTERNET_DELIVERY_METHODS}. */
export type InternetDeliveryMethod = (typeof INTERNET_DELIVERY_METHODS)[number];

/** Where and how a lead is sent over the internet. */
export interface InternetDelivery {
  method: InternetDeliveryMethod;
  /** An absolute http(s) URL without credentials. */
  url: string;
  /** The request body, with template variables the delivery service fills in. */
  bodyTemplate: string;
  /** Extra request headers; always empty for the body-only methods. */
  headers: Record<string, string>;
}

/** The channels a partner receives leads by: email and/or internet, at least one. */
export interface DeliveryChannels {
  email: boolean;
  /** The internet delivery, or null when leads are not sent over the internet. */
  internet: InternetDelivery | null;
}

/** Lead caps; 0 disables a cap (spec, "Lead Delivery Limits"). */
export interface DeliveryLimits {
  daily: number;
  monthly: number;
}

// The weekly schedule is a shared kernel: partners validate with it, routing decides with it.
export { WEEKDAYS, type DayWindow, type Weekday } from '@leadrail/schedule';

/** The weekly delivery schedule, in the partner's IANA time zone. */
export type DeliverySchedule = WeeklySchedule;
