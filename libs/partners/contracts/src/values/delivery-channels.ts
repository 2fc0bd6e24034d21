import { IsText, NestedObject, Nullable } from '@leadrail/integration-events';
import { IsBoolean, IsIn, IsUrl, MaxLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { AreHeaders } from '../rules/header-map';

/** The ways a lead can be sent to a partner's API. */
export const INTERNET_DELIVERY_METHODS = ['xml', 'json', 'soap-1.1', 'soap-1.2', 'post'] as const;

/** What the contract takes for a delivery URL (validator.js `isURL` options): the partners domain checks the same. */
export const DELIVERY_URL_OPTIONS = {
  protocols: ['http', 'https'],
  require_protocol: true,
  require_tld: false,
};

/** Where and how leads are sent to the partner over the internet. */
export class InternetDelivery {
  @JSONSchema({ description: 'xml, json, soap-1.1, soap-1.2 or post.' })
  @IsIn(INTERNET_DELIVERY_METHODS)
  method!: (typeof INTERNET_DELIVERY_METHODS)[number];

  @JSONSchema({
    description: 'An absolute http(s) URL without credentials, at most 2048 characters.',
  })
  @IsUrl(DELIVERY_URL_OPTIONS)
  @MaxLength(2048)
  url!: string;

  @JSONSchema({
    description:
      'The request body with template variables, filled in per lead (at most 65536 characters).',
  })
  @IsText(65_536)
  bodyTemplate!: string;

  @JSONSchema({ description: 'Extra request headers by name; empty when there are none.' })
  @AreHeaders()
  headers!: Record<string, string>;
}

/** The channels a partner receives leads by: email and/or internet, at least one. */
export class DeliveryChannels {
  @JSONSchema({ description: 'Leads are emailed to the partner.' })
  @IsBoolean()
  email!: boolean;

  @Nullable('The internet delivery; null when leads are not sent over the internet.')
  @NestedObject(() => InternetDelivery)
  internet!: InternetDelivery | null;
}
