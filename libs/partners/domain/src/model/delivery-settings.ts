import type { OutcomeRules } from '@leadrail/delivery-outcomes';
import type { WeeklySchedule } from '@leadrail/schedule';

/** The ways a lead can be sent to a partner's API (spec, "Internet Delivery"). */
export const INTERNET_DELIVERY_METHODS = ['xml', 'json', 'soap-1.1', 'soap-1.2', 'post'] as const;

/** One of {@link INTERNET_DELIVERY_METHODS}. */
export type InternetDeliveryMethod = (typeof INTERNET_DELIVERY_METHODS)[number];

/** How long delivery waits for an answer when the partner's setting has none. */
export const DEFAULT_DELIVERY_TIMEOUT_SECONDS = 10;

/**
 * Where and how a lead is sent over the internet. The three optional settings
 * are absent at their defaults (never recorded, like a lead type's weight), so
 * a delivery saved before they existed and the same delivery saved now are equal.
 */
export interface InternetDelivery {
  method: InternetDeliveryMethod;
  /** An absolute http(s) URL without credentials. */
  url: string;
  /** The request body, with template variables the delivery service fills in. */
  bodyTemplate: string;
  /** Extra request headers; always empty for the body-only methods. */
  headers: Record<string, string>;
  /**
   * SOAP methods only: the operation's action, sent by SOAP 1.1 as the
   * `SOAPAction` header and by SOAP 1.2 as the Content-Type's `action`. Absent: none.
   */
  soapAction?: string;
  /** Seconds delivery waits for an answer to one attempt, 1 to 60. Absent: 10. */
  timeoutSeconds?: number;
  /** The partner's outcome rules (see @leadrail/delivery-outcomes). Absent: the default rules. */
  outcome?: OutcomeRules;
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
