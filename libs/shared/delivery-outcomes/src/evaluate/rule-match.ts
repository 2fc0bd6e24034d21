import { selectJsonPath } from '../match/json-path';
import { compileRegex } from '../match/regex';
import { withinTimeLimit } from '../match/time-limit';
import { parseStatusPattern, statusMatches } from '../match/status-pattern';
import { wildcardMatches } from '../match/wildcard';
import { parseXPath, selectXPath } from '../match/xpath';
import type { OutcomeRule } from '../outcome-rules';
import type { ResponseView } from './response-view';

/**
 * Whether one rule matches the response. Total: a body that is not JSON or XML,
 * an expression that fails on this body or runs out of time
 * (`EXPRESSION_TIME_LIMIT_MS`), or a rule that should have been refused when
 * saved makes the rule not match; nothing throws.
 */
export function ruleMatches(rule: OutcomeRule, view: ResponseView): boolean {
  try {
    switch (rule.test) {
      case 'status': {
        const ranges = parseStatusPattern(rule.pattern);
        return typeof ranges !== 'string' && statusMatches(ranges, view.response.status);
      }
      case 'contains':
        return rule.pattern.length > 0 && view.text.includes(rule.pattern);
      case 'equals': {
        const body = view.trimmedBody;
        return body !== undefined && wildcardMatches(rule.pattern.trim(), body);
      }
      case 'regex': {
        const regex = compileRegex(rule.pattern);
        return withinTimeLimit(() => regex.test(view.text)) ?? false;
      }
      case 'json-path':
        return jsonPathMatches(rule, view);
      case 'xpath':
        return xpathMatches(rule, view);
      default:
        return false;
    }
  } catch {
    return false;
  }
}

function jsonPathMatches(rule: OutcomeRule, view: ResponseView): boolean {
  // Parsing is linear in the capped body: only the expression runs against the clock.
  const json = view.parsedJson();
  const selected = json && withinTimeLimit(() => selectJsonPath(rule.pattern, json.value));
  if (!selected || selected.length === 0) {
    return false;
  }
  const equals = rule.equals;
  if (equals === null) {
    return true;
  }
  return selected.some((value) => {
    const text = scalarText(value);
    return text !== undefined && wildcardMatches(equals.trim(), text.trim());
  });
}

function xpathMatches(rule: OutcomeRule, view: ResponseView): boolean {
  const parsed = parseXPath(rule.pattern);
  const document = view.localNameXml();
  if (typeof parsed === 'string' || !document) {
    return false;
  }
  const selection = withinTimeLimit(() => selectXPath(parsed, document));
  if (!selection) {
    return false;
  }
  const equals = rule.equals;
  if (selection.kind === 'scalar') {
    return equals === null
      ? selection.truthy
      : wildcardMatches(equals.trim(), selection.text.trim());
  }
  if (equals === null) {
    return selection.values.length > 0;
  }
  return selection.values.some((value) => wildcardMatches(equals.trim(), value.trim()));
}

/** A selected JSON value as text: strings as they are, numbers, booleans and null as JSON writes them. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    return JSON.stringify(value);
  }
  return undefined;
}
