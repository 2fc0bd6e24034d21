import { WEEKDAYS, type DeliveryLimits, type DeliverySchedule } from '../model/delivery-settings';

/** Why a pair of limits deserves a second look. */
export enum DeliveryLimitWarningCode {
  /** The daily limit times the days of February is below the monthly limit. */
  MONTHLY_LIMIT_UNREACHABLE_IN_SHORTEST_MONTH = 'MONTHLY_LIMIT_UNREACHABLE_IN_SHORTEST_MONTH',
  /** The daily limit times the delivery days the schedule leaves in February is below it. */
  MONTHLY_LIMIT_UNREACHABLE_ON_SCHEDULE = 'MONTHLY_LIMIT_UNREACHABLE_ON_SCHEDULE',
}

/** A warning to show the operator; the limits are still saved as set. */
export interface DeliveryLimitWarning {
  code: DeliveryLimitWarningCode;
  message: string;
}

// The shortest month: a 28-day February, which has exactly four of each weekday.
const SHORTEST_MONTH_DAYS = 28;
const WEEKS_IN_SHORTEST_MONTH = 4;

/**
 * Warnings for limits that cannot both be reached (spec, "Lead Delivery
 * Limits": a partner never exceeds either limit, so a monthly limit of 50 with
 * a daily limit of 1 never allows 50 leads). None when either limit is 0
 * (disabled). Each warning explains one bound; both may apply.
 */
export function deliveryLimitWarnings(
  limits: DeliveryLimits,
  schedule: DeliverySchedule,
): DeliveryLimitWarning[] {
  const { daily, monthly } = limits;
  if (daily === 0 || monthly === 0) {
    return [];
  }
  const warnings: DeliveryLimitWarning[] = [];
  const inShortestMonth = daily * SHORTEST_MONTH_DAYS;
  if (inShortestMonth < monthly) {
    warnings.push({
      code: DeliveryLimitWarningCode.MONTHLY_LIMIT_UNREACHABLE_IN_SHORTEST_MONTH,
      message:
        `The monthly limit of ${monthly} can never be reached with a daily limit of ${daily}: ` +
        `at most ${inShortestMonth} leads can be delivered in February ` +
        `(${daily} a day for ${SHORTEST_MONTH_DAYS} days).`,
    });
  }
  const weekdaysOpen = WEEKDAYS.filter((day) => schedule.days[day].enabled).length;
  if (weekdaysOpen < WEEKDAYS.length) {
    const deliveryDays = weekdaysOpen * WEEKS_IN_SHORTEST_MONTH;
    const onSchedule = daily * deliveryDays;
    if (onSchedule < monthly) {
      warnings.push({
        code: DeliveryLimitWarningCode.MONTHLY_LIMIT_UNREACHABLE_ON_SCHEDULE,
        message:
          `The monthly limit of ${monthly} can never be reached with a daily limit of ${daily} ` +
          `on this schedule: it delivers on ${weekdaysOpen} ${plural(weekdaysOpen, 'day')} a week, ` +
          `so February has only ${deliveryDays} delivery ${plural(deliveryDays, 'day')} ` +
          `and at most ${onSchedule} leads can be delivered in it.`,
      });
    }
  }
  return warnings;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
