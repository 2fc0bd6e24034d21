import { decidePartner } from './decide-partner';
import { PartnerErrorCode } from '../errors/partner-error';
import type { InternetDeliveryInput } from '../commands/partner-command-inputs';
import type { DeliverySchedule, InternetDeliveryMethod } from '../model/delivery-settings';
import {
  command,
  decideAfter,
  event,
  refusalOf,
  registered,
  weekdaysNineToFive,
} from '../testing/partner-scenario';

const post = {
  method: 'post' as InternetDeliveryMethod,
  url: 'https://crm.acme.example/inbound?source=leadrail',
  bodyTemplate: 'name={{ lead.full_name }}&phone={{ lead.phone }}',
  headers: { 'X-Api-Key': 'k-123' },
} satisfies InternetDeliveryInput;

function configureInternet(internet: Partial<InternetDeliveryInput>) {
  return command('ConfigureDelivery', {
    delivery: { email: false, internet: { ...post, ...internet } },
  });
}

describe(decidePartner.name, () => {
  describe('ConfigureDelivery', () => {
    it('delivers by internet only, with custom headers for POST', () => {
      const given = [registered()];
      const when = configureInternet({});

      expect(decideAfter(given, when)).toEqual([
        event('DeliveryConfigured', {
          delivery: { email: false, internet: { ...post, headers: { 'X-Api-Key': 'k-123' } } },
        }),
      ]);
    });

    const validBodies: Record<InternetDeliveryMethod, string> = {
      xml: '<lead><name>{{ lead.full_name }}</name></lead>',
      json: '{"name": "{{ lead.full_name }}", "type": "{{ lead.type }}"}',
      'soap-1.1':
        '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Lead>{{ lead.id }}</Lead></soap:Body></soap:Envelope>',
      'soap-1.2':
        '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><Lead>{{ lead.id }}</Lead></env:Body></env:Envelope>',
      post: 'id={{ lead.id }}&name={{ lead.full_name }}',
    };

    it.each(['xml', 'json', 'soap-1.1', 'soap-1.2', 'post'] as const)(
      'delivers by email and %s, with no headers when none are given',
      (method) => {
        const given = [registered()];
        const internet = {
          method,
          url: 'http://api.acme.example/leads',
          bodyTemplate: validBodies[method],
        };
        const when = command('ConfigureDelivery', { delivery: { email: true, internet } });

        expect(decideAfter(given, when)).toEqual([
          event('DeliveryConfigured', {
            delivery: { email: true, internet: { ...internet, headers: {} } },
          }),
        ]);
      },
    );

    it('refuses a template with an unknown variable, naming it and its line and column', () => {
      const given = [registered()];
      const bodyTemplate = '<lead>\n  <name>{{ lead.fullname }}</name>\n</lead>';

      const refusal = refusalOf(given, configureInternet({ method: 'xml', bodyTemplate }));
      expect(refusal).toMatchObject({
        code: PartnerErrorCode.INVALID_BODY_TEMPLATE,
        field: 'delivery.internet.bodyTemplate',
      });
      expect(refusal.message).toContain('line 2, column');
      expect(refusal.message).toContain('lead.fullname');
    });

    it('refuses a JSON body that cannot be valid JSON', () => {
      const given = [registered()];
      const bodyTemplate = '{"name": "{{ lead.full_name }}",}';

      expect(refusalOf(given, configureInternet({ method: 'json', bodyTemplate }))).toMatchObject({
        code: PartnerErrorCode.INVALID_BODY_TEMPLATE,
        field: 'delivery.internet.bodyTemplate',
      });
    });

    it('decides nothing when the delivery stays the same', () => {
      const given = [registered()];
      const when = command('ConfigureDelivery', { delivery: { email: true, internet: null } });

      expect(decideAfter(given, when)).toEqual([]);
    });

    it('refuses a partner with no delivery channel', () => {
      const given = [registered()];
      const when = command('ConfigureDelivery', { delivery: { email: false, internet: null } });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.DELIVERY_CHANNEL_REQUIRED,
        field: 'delivery',
      });
    });

    it.each([
      ['ftp://files.acme.example/leads', 'a scheme other than http(s)'],
      ['file:///etc/passwd', 'a file URL'],
      ['javascript:alert(1)', 'a script URL'],
      ['https://user:secret@api.acme.example/leads', 'credentials'],
      ['https://user@api.acme.example/leads', 'a user name'],
      ['/leads', 'a relative URL'],
      ['https://api.acme.example/le ads', 'whitespace'],
    ])('refuses the URL %p (%s)', (url) => {
      const given = [registered()];

      expect(refusalOf(given, configureInternet({ url }))).toMatchObject({
        code: PartnerErrorCode.INVALID_URL,
        field: 'delivery.internet.url',
      });
    });

    it.each(['json', 'soap-1.1', 'soap-1.2'] as const)(
      'accepts custom headers for %s too: LeadRail goes beyond the spec (partner APIs need keys)',
      (method) => {
        const given = [registered()];
        const when = configureInternet({ method, bodyTemplate: validBodies[method] });

        expect(decideAfter(given, when)).toEqual([
          event('DeliveryConfigured', {
            delivery: {
              email: false,
              internet: {
                ...post,
                method,
                bodyTemplate: validBodies[method],
                headers: { 'X-Api-Key': 'k-123' },
              },
            },
          }),
        ]);
      },
    );

    it.each([
      [{ 'X-Api-Key': 'k\r\nX-Injected: 1' }, 'X-Api-Key'],
      [{ 'Bad Name': 'x' }, 'Bad Name'],
      [{ 'Content-Length': '10' }, 'Content-Length'],
      [{ 'x-api-key': 'a', 'X-API-KEY': 'b' }, 'X-API-KEY'],
    ])('refuses the headers %p', (headers, name) => {
      const given = [registered()];

      expect(refusalOf(given, configureInternet({ headers }))).toMatchObject({
        code: PartnerErrorCode.INVALID_HEADER,
        field: `delivery.internet.headers.${name}`,
      });
    });

    it('refuses an empty body template', () => {
      const given = [registered()];

      expect(refusalOf(given, configureInternet({ bodyTemplate: '  ' }))).toMatchObject({
        code: PartnerErrorCode.INVALID_BODY_TEMPLATE,
        field: 'delivery.internet.bodyTemplate',
      });
    });

    it('refuses an unknown delivery method', () => {
      const given = [registered()];
      const method = 'grpc' as InternetDeliveryMethod;

      expect(refusalOf(given, configureInternet({ method }))).toMatchObject({
        code: PartnerErrorCode.INVALID_OPTION,
        field: 'delivery.internet.method',
      });
    });
  });

  describe('SetDeliveryLimits', () => {
    it('sets the daily and monthly limits', () => {
      const given = [registered()];
      const when = command('SetDeliveryLimits', { limits: { daily: 5, monthly: 100 } });

      expect(decideAfter(given, when)).toEqual([
        event('DeliveryLimitsChanged', { limits: { daily: 5, monthly: 100 } }),
      ]);
    });

    it('accepts limits that can never both be reached, which only deserve a warning', () => {
      const given = [registered()];
      const when = command('SetDeliveryLimits', { limits: { daily: 1, monthly: 50 } });

      expect(decideAfter(given, when)).toEqual([
        event('DeliveryLimitsChanged', { limits: { daily: 1, monthly: 50 } }),
      ]);
    });

    it('decides nothing when the limits stay the same', () => {
      const given = [registered()];
      const when = command('SetDeliveryLimits', { limits: { daily: 0, monthly: 0 } });

      expect(decideAfter(given, when)).toEqual([]);
    });

    it.each([
      [{ daily: -1, monthly: 0 }, 'limits.daily'],
      [{ daily: 0, monthly: 2.5 }, 'limits.monthly'],
    ])('refuses the limits %p', (limits, field) => {
      const given = [registered()];
      const when = command('SetDeliveryLimits', { limits });

      expect(refusalOf(given, when)).toMatchObject({ code: PartnerErrorCode.INVALID_LIMIT, field });
    });
  });

  describe('SetDeliverySchedule', () => {
    it('sets the weekly schedule in the partner’s time zone', () => {
      const given = [registered()];
      const schedule = weekdaysNineToFive('Asia/Kolkata');
      const when = command('SetDeliverySchedule', { schedule });

      expect(decideAfter(given, when)).toEqual([event('DeliveryScheduleChanged', { schedule })]);
    });

    it('decides nothing when the schedule stays the same, whatever the key order', () => {
      const schedule = weekdaysNineToFive('Europe/London');
      const given = [registered({ schedule })];
      const reordered: DeliverySchedule = { days: { ...schedule.days }, timeZone: 'Europe/London' };
      const when = command('SetDeliverySchedule', { schedule: reordered });

      expect(decideAfter(given, when)).toEqual([]);
    });

    it.each(['Mars/Olympus_Mons', '+01:00', 'europe/london', ''])(
      'refuses the time zone %p',
      (timeZone) => {
        const given = [registered()];
        const schedule = { ...weekdaysNineToFive('Europe/London'), timeZone };
        const when = command('SetDeliverySchedule', { schedule });

        expect(refusalOf(given, when)).toMatchObject({
          code: PartnerErrorCode.INVALID_TIME_ZONE,
          field: 'schedule.timeZone',
        });
      },
    );

    it.each(['24:00', '9:00', '09:60', '0900'])('refuses the time %p', (to) => {
      const given = [registered()];
      const schedule = weekdaysNineToFive('Europe/London');
      schedule.days.wed = { enabled: true, from: '09:00', to };
      const when = command('SetDeliverySchedule', { schedule });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.INVALID_TIME,
        field: 'schedule.days.wed.to',
      });
    });
  });
});
