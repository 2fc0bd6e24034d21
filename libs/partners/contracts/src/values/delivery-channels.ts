import { IsText, NestedObject, Nullable, Optional } from '@leadrail/integration-events';
import { IsBoolean, IsIn, IsInt, IsUrl, Matches, Max, MaxLength, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { AreHeaders } from '../rules/header-map';
import { PartnerOutcomeRules } from './outcome-rules';

/** The ways a lead can be sent to a partner's API. */
export const INTERNET_DELIVERY_METHODS = ['xml', 'json', 'soap-1.1', 'soap-1.2', 'post'] as const;

/** What the contract takes for a delivery URL (validator.js `isURL` options): the partners domain checks the same. */
export const DELIVERY_URL_OPTIONS = {
  protocols: ['http', 'https'],
  require_protocol: true,
  require_tld: false,
};

/** The timeout of a delivery request when the partner's setting has none. */
export const DEFAULT_DELIVERY_TIMEOUT_SECONDS = 10;
/** The shortest timeout a partner's delivery may have. */
export const MIN_DELIVERY_TIMEOUT_SECONDS = 1;
/** The longest timeout a partner's delivery may have. */
export const MAX_DELIVERY_TIMEOUT_SECONDS = 60;
/** A SOAP action: 1 to 1024 visible ASCII characters but `"` and `\`, as it is sent quoted. */
export const SOAP_ACTION_PATTERN = /^[\x21\x23-\x5b\x5d-\x7e]{1,1024}$/;

/**
 * Where and how leads are sent to the partner over the internet. `soapAction`,
 * `timeoutSeconds` and `outcome` came later: absent means the default (no
 * action, 10 seconds, the default outcome rules), and the partners service
 * leaves defaults out, so events from before them and after are alike.
 */
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

  @JSONSchema({
    description:
      'soap-1.1 and soap-1.2 only: the operation\'s SOAP action URI from the partner\'s WSDL, 1 to 1024 visible ASCII characters without " or \\. SOAP 1.1 sends it as the SOAPAction header, SOAP 1.2 as the action parameter of the Content-Type. Absent: none (SOAP 1.1 then sends SOAPAction: "").',
  })
  @Optional()
  @Matches(SOAP_ACTION_PATTERN)
  soapAction?: string;

  @JSONSchema({
    description:
      'How long delivery waits for the partner to answer one attempt, in whole seconds from 1 to 60. Absent: 10.',
  })
  @Optional()
  @IsInt()
  @Min(MIN_DELIVERY_TIMEOUT_SECONDS)
  @Max(MAX_DELIVERY_TIMEOUT_SECONDS)
  timeoutSeconds?: number;

  @JSONSchema({
    description:
      "The partner's outcome rules: how its answers tell an accepted lead from a rejected one, and where its reference and rejection reason are. Absent: the default rules alone (a transport error or timeout is an error; for SOAP a Client/Sender fault is a rejection and a Server/Receiver fault an error; 2xx accepted; 408, 425, 429, 3xx and 5xx errors; other 4xx rejections).",
  })
  @Optional()
  @NestedObject(() => PartnerOutcomeRules)
  outcome?: PartnerOutcomeRules;
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
