import { IsText, NestedObject, Nullable } from '@leadrail/integration-events';
import { ArrayMaxSize, IsArray, IsIn, IsString, MaxLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

// The outcome rules' shape as partners publishes it. Their meaning and the full
// check live in @leadrail/delivery-outcomes (a domain library, which contracts
// may not import); the partners domain checks these lists agree.

/** What an outcome rule tests. */
export const OUTCOME_RULE_TESTS = [
  'status',
  'contains',
  'equals',
  'regex',
  'json-path',
  'xpath',
] as const;
/** What a matching outcome rule says. */
export const OUTCOME_RULE_MEANINGS = ['accepted', 'rejected'] as const;
/** Where a captured value comes from. */
export const RESPONSE_CAPTURE_SOURCES = ['json-path', 'xpath', 'regex', 'header'] as const;
/** At most this many outcome rules per partner. */
export const MAX_PARTNER_OUTCOME_RULES = 20;
/** Patterns, equals values and capture expressions are at most this long. */
export const MAX_OUTCOME_EXPRESSION_LENGTH = 500;

/** One rule on the partner's answer to a delivery; the first that matches decides. */
export class PartnerOutcomeRule {
  @JSONSchema({
    description:
      'status (the HTTP status), contains (text in the body), equals (the whole trimmed body, with * and ? wildcards), regex (a JavaScript regular expression on the body; a leading (?i) ignores case), json-path (a JSONPath over the body as JSON) or xpath (an XPath 1.0 over the body as XML, names matching by local name in any namespace).',
  })
  @IsIn(OUTCOME_RULE_TESTS)
  test!: (typeof OUTCOME_RULE_TESTS)[number];

  @JSONSchema({
    description:
      'By test: a status pattern (200, 2xx, 400-499 or a comma list of them), the text, the wildcard pattern, the regular expression, the JSONPath or the XPath. At most 500 characters.',
  })
  @IsText(MAX_OUTCOME_EXPRESSION_LENGTH)
  pattern!: string;

  @Nullable(
    'json-path and xpath only: what the selected value must equal (trimmed; * and ? wildcards); null: any selection matches (for an XPath number, boolean or string, a non-zero, true or non-empty one). Always null for the other tests.',
  )
  @IsString()
  @MaxLength(MAX_OUTCOME_EXPRESSION_LENGTH)
  equals!: string | null;

  @JSONSchema({ description: 'accepted or rejected: what the answer means when the rule matches.' })
  @IsIn(OUTCOME_RULE_MEANINGS)
  means!: (typeof OUTCOME_RULE_MEANINGS)[number];
}

/** Where in the partner's answer a value is found. */
export class PartnerResponseCapture {
  @JSONSchema({
    description:
      'json-path or xpath (the first value selected), regex (its first capture group, else the whole match) or header (a response header, by name in any case).',
  })
  @IsIn(RESPONSE_CAPTURE_SOURCES)
  from!: (typeof RESPONSE_CAPTURE_SOURCES)[number];

  @JSONSchema({
    description: 'The JSONPath, XPath, regular expression or header name; at most 500 characters.',
  })
  @IsText(MAX_OUTCOME_EXPRESSION_LENGTH)
  expression!: string;
}

/**
 * How delivery tells an accepted lead from a rejected one in this partner's
 * answers, before the default rules, and where the partner's reference and
 * rejection reason are.
 */
export class PartnerOutcomeRules {
  @JSONSchema({
    description:
      'The rules, tried in order before the default rules; the first that matches decides (at most 20).',
  })
  @IsArray()
  @ArrayMaxSize(MAX_PARTNER_OUTCOME_RULES)
  @NestedObject(() => PartnerOutcomeRule, { each: true })
  rules!: readonly PartnerOutcomeRule[];

  @Nullable(
    "Where the partner's reference for the lead is in its answer (kept to 200 characters); null: not captured.",
  )
  @NestedObject(() => PartnerResponseCapture)
  partnerReference!: PartnerResponseCapture | null;

  @Nullable(
    'Where the reason for a rejection is in its answer (kept to 500 characters); null: LeadRail describes it (HTTP 422 from the partner, the SOAP fault text).',
  )
  @NestedObject(() => PartnerResponseCapture)
  rejectionReason!: PartnerResponseCapture | null;
}
