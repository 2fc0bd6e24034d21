/**
 * A partner's outcome rules: how LeadRail tells, from the partner's HTTP answer,
 * an accepted lead from one the partner rejected. Plain data, as the partner
 * setting stores it (partners) and delivery applies it.
 */

/** What a rule tests: the HTTP status, or the response body in one of five ways. */
export const OUTCOME_TESTS = [
  'status',
  'contains',
  'equals',
  'regex',
  'json-path',
  'xpath',
] as const;

/** One of {@link OUTCOME_TESTS}. */
export type OutcomeTest = (typeof OUTCOME_TESTS)[number];

/** The tests that select a value, and so may compare it with `equals`. */
export const SELECTING_TESTS: readonly OutcomeTest[] = ['json-path', 'xpath'];

/** What a matching rule says about the lead. */
export const OUTCOME_MEANINGS = ['accepted', 'rejected'] as const;

/** One of {@link OUTCOME_MEANINGS}. */
export type OutcomeMeaning = (typeof OUTCOME_MEANINGS)[number];

/**
 * One rule. `pattern` by `test`:
 * - `status`: `200`, `2xx`, `400-499`, or a comma list of those (`200,201,3xx`);
 * - `contains`: text the body contains (case-sensitive);
 * - `equals`: the whole body, trimmed, with `*` (any run of characters) and `?` (one character);
 * - `regex`: a JavaScript regular expression source tested against the body; a leading `(?i)`
 *   makes it case-insensitive;
 * - `json-path`: a JSONPath expression (starting with `$`) over the body parsed as JSON;
 * - `xpath`: an XPath 1.0 expression over the body parsed as XML, names matching by local name
 *   in any namespace (prefixes are ignored: `/Envelope/Body/Result` and `/soap:Envelope/soap:Body/Result`
 *   both work on a SOAP envelope).
 *
 * `equals` (json-path and xpath only): the selected value must equal it, with `*` and `?`
 * wildcards; null: any selection matches (an XPath number, boolean or string by XPath's
 * `boolean()`: non-zero, true, non-empty).
 */
export interface OutcomeRule {
  test: OutcomeTest;
  pattern: string;
  equals: string | null;
  means: OutcomeMeaning;
}

/** Where a captured value comes from. */
export const CAPTURE_SOURCES = ['json-path', 'xpath', 'regex', 'header'] as const;

/** One of {@link CAPTURE_SOURCES}. */
export type CaptureSource = (typeof CAPTURE_SOURCES)[number];

/**
 * A value taken from the response: the first value a JSONPath or XPath selects,
 * the first capture group of a regular expression, or a response header (by name,
 * in any case).
 */
export interface ResponseCapture {
  from: CaptureSource;
  expression: string;
}

/**
 * A partner's rules, tried in order (the first match wins) before the default
 * rules, and where its reference and rejection reason are in its answer.
 */
export interface OutcomeRules {
  /** At most {@link MAX_OUTCOME_RULES}. */
  rules: readonly OutcomeRule[];
  partnerReference: ResponseCapture | null;
  rejectionReason: ResponseCapture | null;
}

/** At most this many rules per partner. */
export const MAX_OUTCOME_RULES = 20;
/** A pattern, an `equals` value or a capture expression is at most this long (UTF-16 code units). */
export const MAX_OUTCOME_TEXT_LENGTH = 500;
/** A captured partner reference is cut to this many characters. */
export const MAX_PARTNER_REFERENCE_LENGTH = 200;
/** A rejection or error reason is cut to this many characters. */
export const MAX_OUTCOME_REASON_LENGTH = 500;
/**
 * Rules read at most this much of a body (UTF-16 code units): `contains` and `regex` look at its
 * first 128 KiB, and a longer body never `equals` and is not parsed as JSON or XML. Time is bounded
 * separately: a regular expression, JSONPath or XPath is stopped after `EXPRESSION_TIME_LIMIT_MS`
 * (even `status.*rejected` backtracks for seconds on 128 KiB chosen to hurt it).
 */
export const MAX_EVALUATED_BODY_LENGTH = 131_072;
/** JSON and XML nested deeper than this is not parsed (as if it were not JSON or XML). */
export const MAX_EVALUATED_NESTING = 100;
