import { DeliveryTemplateError, DeliveryTemplateErrorCode } from '../errors';

/** The `now.*` variables for one moment: UTC parts, and local time with offset. */
export interface ClockValues {
  readonly iso: string;
  readonly date: string;
  readonly time: string;
  readonly localIso: string;
}

/**
 * The `now.*` values of the moment a delivery is sent. The moment comes from the
 * caller's clock (this library never reads one); the partner's IANA time zone
 * gives `localIso`, e.g. `2025-07-01T10:31:05+01:00` for Europe/London in summer.
 */
export function clockValues(now: Date, timeZone: string): ClockValues {
  if (Number.isNaN(now.getTime())) {
    throw new DeliveryTemplateError(
      DeliveryTemplateErrorCode.INVALID_TEMPLATE_INPUT,
      'the time of sending is not a valid date',
    );
  }
  const iso = now.toISOString();
  return {
    iso: `${iso.slice(0, 19)}Z`,
    date: iso.slice(0, 10),
    time: iso.slice(11, 19),
    localIso: localIso(now, timeZone),
  };
}

function localIso(now: Date, timeZone: string): string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      // h23, not hour12: false, which some ICU versions render as "24" at midnight.
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
  } catch {
    throw new DeliveryTemplateError(
      DeliveryTemplateErrorCode.INVALID_TEMPLATE_INPUT,
      `"${timeZone}" is not an IANA time zone`,
    );
  }
  const parts = format.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  // "GMT+01:00" → "+01:00"; the zero offset is written plain "GMT".
  const offset = part('timeZoneName').replace(/^GMT/, '') || '+00:00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}${offset}`;
}
