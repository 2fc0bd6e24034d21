import { thrownBy } from '../__fixtures__/thrown';
import { SAMPLE_INPUT } from '../__fixtures__/values';
import { DeliveryTemplateErrorCode } from '../errors';
import { TEMPLATE_VARIABLES } from '../variables/template-variables';
import { clockValues } from './clock-values';
import { decimalAmount } from './money-values';
import { templateValues } from './template-values';

const INVALID = DeliveryTemplateErrorCode.INVALID_TEMPLATE_INPUT;

describe(templateValues.name, () => {
  it('gives every fixed variable of a complete lead a value, and each answer its own', () => {
    const values = templateValues(SAMPLE_INPUT);
    const missing = TEMPLATE_VARIABLES.map((v) => v.name).filter(
      (name) => values[name] === undefined && name !== 'lead.address.line2',
    );
    expect(missing).toEqual([]);
    expect(values).toMatchObject({
      'lead.full_name': 'Jane Doe',
      'lead.value.amount': 1250,
      'lead.value.decimal': '12.50',
      'lead.answers.property_value': 350000,
      'lead.answers.first_time_buyer': true,
      'delivery.attempt': 2,
    });
  });

  it('leaves the optional fields of a lead without them undefined', () => {
    const lead = { ...SAMPLE_INPUT.lead, email: undefined, address: undefined };
    const values = templateValues({ ...SAMPLE_INPUT, lead });
    expect([values['lead.email'], values['lead.address.city']]).toEqual([undefined, undefined]);
  });
});

describe(decimalAmount.name, () => {
  it.each([
    [1250, 'GBP', '12.50'],
    [5, 'EUR', '0.05'],
    [0, 'USD', '0.00'],
    [500, 'JPY', '500'],
    [1234, 'KWD', '1.234'],
    [Number.MAX_SAFE_INTEGER, 'GBP', '90071992547409.91'],
  ])('writes %i minor units of %s as %s', (amount, currency, decimal) => {
    expect(decimalAmount({ amount, currency })).toBe(decimal);
  });

  it('refuses fractions of a minor unit and unknown currency codes', () => {
    expect([
      thrownBy(() => decimalAmount({ amount: 12.5, currency: 'GBP' })).code,
      thrownBy(() => decimalAmount({ amount: 1, currency: 'pounds' })).code,
    ]).toEqual([INVALID, INVALID]);
  });
});

describe(clockValues.name, () => {
  it("gives UTC date and time, and local time with offset in the partner's zone", () => {
    expect(clockValues(new Date('2025-07-01T23:31:05.999Z'), 'Europe/London')).toEqual({
      iso: '2025-07-01T23:31:05Z',
      date: '2025-07-01',
      time: '23:31:05',
      localIso: '2025-07-02T00:31:05+01:00',
    });
  });

  it('writes a zero offset as +00:00 and negative offsets with their sign', () => {
    const now = new Date('2025-01-15T12:00:00Z');
    expect(clockValues(now, 'Europe/London').localIso).toBe('2025-01-15T12:00:00+00:00');
    expect(clockValues(now, 'America/New_York').localIso).toBe('2025-01-15T07:00:00-05:00');
    expect(clockValues(now, 'Asia/Kolkata').localIso).toBe('2025-01-15T17:30:00+05:30');
  });

  it('refuses an unknown time zone and an invalid date', () => {
    expect([
      thrownBy(() => clockValues(new Date(), 'Mars/Olympus')).code,
      thrownBy(() => clockValues(new Date('nope'), 'UTC')).code,
    ]).toEqual([INVALID, INVALID]);
  });
});
