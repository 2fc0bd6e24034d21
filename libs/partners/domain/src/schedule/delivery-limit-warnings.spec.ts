import { DeliveryLimitWarningCode, deliveryLimitWarnings } from './delivery-limit-warnings';
import { defaultDeliverySchedule } from '../decide/registration-defaults';
import { scheduleOf, weekdaysNineToFive } from '../testing/partner-scenario';

const everyDay = defaultDeliverySchedule();
const weekdays = weekdaysNineToFive('Europe/London');

describe(deliveryLimitWarnings.name, () => {
  it('warns, as the spec does, that 50 a month at 1 a day can never be reached', () => {
    expect(deliveryLimitWarnings({ daily: 1, monthly: 50 }, everyDay)).toEqual([
      {
        code: DeliveryLimitWarningCode.MONTHLY_LIMIT_UNREACHABLE_IN_SHORTEST_MONTH,
        message:
          'The monthly limit of 50 can never be reached with a daily limit of 1: ' +
          'at most 28 leads can be delivered in February (1 a day for 28 days).',
      },
    ]);
  });

  it('warns that 30 a month at 1 a day cannot be reached in February', () => {
    const warnings = deliveryLimitWarnings({ daily: 1, monthly: 30 }, everyDay);

    expect(warnings.map((warning) => warning.code)).toEqual([
      DeliveryLimitWarningCode.MONTHLY_LIMIT_UNREACHABLE_IN_SHORTEST_MONTH,
    ]);
    expect(warnings[0]?.message).toContain('at most 28 leads can be delivered in February');
  });

  it('does not warn about 28 a month at 1 a day when every day is scheduled', () => {
    expect(deliveryLimitWarnings({ daily: 1, monthly: 28 }, everyDay)).toEqual([]);
  });

  it('warns about 28 a month at 1 a day when only weekdays are scheduled (20 days)', () => {
    expect(deliveryLimitWarnings({ daily: 1, monthly: 28 }, weekdays)).toEqual([
      {
        code: DeliveryLimitWarningCode.MONTHLY_LIMIT_UNREACHABLE_ON_SCHEDULE,
        message:
          'The monthly limit of 28 can never be reached with a daily limit of 1 on this schedule: ' +
          'it delivers on 5 days a week, so February has only 20 delivery days ' +
          'and at most 20 leads can be delivered in it.',
      },
    ]);
  });

  it('gives both warnings when neither the calendar nor the schedule allows the monthly limit', () => {
    const codes = deliveryLimitWarnings({ daily: 1, monthly: 50 }, weekdays).map((w) => w.code);

    expect(codes).toEqual([
      DeliveryLimitWarningCode.MONTHLY_LIMIT_UNREACHABLE_IN_SHORTEST_MONTH,
      DeliveryLimitWarningCode.MONTHLY_LIMIT_UNREACHABLE_ON_SCHEDULE,
    ]);
  });

  it('does not warn when the schedule allows exactly the monthly limit', () => {
    expect(deliveryLimitWarnings({ daily: 5, monthly: 100 }, weekdays)).toEqual([]);
  });

  it('counts a disabled day as no delivery day, however long its window', () => {
    const saturdaysOnly = scheduleOf('Europe/London', { sat: { from: '00:00', to: '00:00' } });
    const warnings = deliveryLimitWarnings({ daily: 2, monthly: 10 }, saturdaysOnly);

    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain(
      'it delivers on 1 day a week, so February has only 4 delivery days',
    );
  });

  it.each([
    [{ daily: 0, monthly: 50 }, 'the daily limit'],
    [{ daily: 1, monthly: 0 }, 'the monthly limit'],
  ])('does not warn about %p, since 0 disables %s', (limits) => {
    expect(deliveryLimitWarnings(limits, weekdays)).toEqual([]);
  });
});
