import { jsonPathProblem } from '../match/json-path';
import { compileRegex, unsafeRepetition } from '../match/regex';
import { parseStatusPattern } from '../match/status-pattern';
import { parseXPath } from '../match/xpath';
import {
  CAPTURE_SOURCES,
  MAX_OUTCOME_RULES,
  MAX_OUTCOME_TEXT_LENGTH,
  OUTCOME_MEANINGS,
  OUTCOME_TESTS,
  type OutcomeRules,
  SELECTING_TESTS,
} from '../outcome-rules';
import { type OutcomeRuleProblem, OutcomeRuleProblemCode as Code } from './outcome-rule-problem';

// RFC 9110 token characters.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Every problem of a partner's outcome rules, each at its path under `outcome`
 * (`outcome.rules[2].pattern`), so an operator fixes them in one go; empty when
 * the rules can be saved. Checks what evaluation relies on: at most 20 rules,
 * known tests and meanings, non-blank patterns and expressions of at most 500
 * characters, status patterns, regular expressions that compile and do not
 * nest repetition (see `unsafeRepetition`), JSONPath and XPath 1.0 expressions
 * that parse, `equals` only on json-path and xpath rules, and header names.
 * Takes values as a client sent them: wrong types are problems, not exceptions.
 */
export function checkOutcomeRules(rules: OutcomeRules): OutcomeRuleProblem[] {
  const at = 'outcome';
  if (!isObject(rules)) {
    return [
      problem(
        at,
        Code.NOT_OUTCOME_RULES,
        'must be an object with rules, partnerReference and rejectionReason',
      ),
    ];
  }
  const problems: OutcomeRuleProblem[] = [];
  const list: unknown = rules.rules;
  if (!Array.isArray(list)) {
    problems.push(problem(`${at}.rules`, Code.NOT_OUTCOME_RULES, 'must be a list of rules'));
  } else {
    if (list.length > MAX_OUTCOME_RULES) {
      problems.push(
        problem(
          `${at}.rules`,
          Code.TOO_MANY_RULES,
          `at most ${MAX_OUTCOME_RULES} rules are allowed, not ${list.length}`,
        ),
      );
    }
    list.forEach((rule, index) => problems.push(...ruleProblems(rule, `${at}.rules[${index}]`)));
  }
  for (const key of ['partnerReference', 'rejectionReason'] as const) {
    problems.push(...captureProblems(rules[key], `${at}.${key}`));
  }
  return problems;
}

function ruleProblems(rule: unknown, at: string): OutcomeRuleProblem[] {
  if (!isObject(rule)) {
    return [
      problem(at, Code.NOT_OUTCOME_RULES, 'must be a rule: { test, pattern, equals, means }'),
    ];
  }
  const problems: OutcomeRuleProblem[] = [];
  const test = rule.test;
  const known = OUTCOME_TESTS.find((name) => name === test);
  if (!known) {
    problems.push(
      problem(`${at}.test`, Code.INVALID_TEST, `must be one of ${OUTCOME_TESTS.join(', ')}`),
    );
  }
  if (!OUTCOME_MEANINGS.some((meaning) => meaning === rule.means)) {
    problems.push(problem(`${at}.means`, Code.INVALID_MEANING, 'must be accepted or rejected'));
  }
  const pattern = textProblem(rule.pattern, `${at}.pattern`);
  if (pattern) {
    problems.push(pattern);
  } else if (known) {
    problems.push(...patternProblems(known, rule.pattern as string, `${at}.pattern`));
  }
  const equals: unknown = rule.equals ?? null;
  if (equals !== null) {
    if (typeof equals !== 'string' || equals.length > MAX_OUTCOME_TEXT_LENGTH) {
      problems.push(
        problem(
          `${at}.equals`,
          Code.INVALID_EQUALS,
          `must be text of at most ${MAX_OUTCOME_TEXT_LENGTH} characters, or null`,
        ),
      );
    } else if (known && !SELECTING_TESTS.includes(known)) {
      problems.push(
        problem(
          `${at}.equals`,
          Code.EQUALS_NOT_ALLOWED,
          `only json-path and xpath rules compare what they select; a ${known} rule takes none (null)`,
        ),
      );
    }
  }
  return problems;
}

function patternProblems(
  test: (typeof OUTCOME_TESTS)[number],
  pattern: string,
  at: string,
): OutcomeRuleProblem[] {
  switch (test) {
    case 'status': {
      const ranges = parseStatusPattern(pattern);
      return typeof ranges === 'string' ? [problem(at, Code.INVALID_STATUS_PATTERN, ranges)] : [];
    }
    case 'regex':
      return regexProblems(pattern, at);
    case 'json-path': {
      const invalid = jsonPathProblem(pattern);
      return invalid ? [problem(at, Code.INVALID_JSON_PATH, invalid)] : [];
    }
    case 'xpath': {
      const parsed = parseXPath(pattern);
      return typeof parsed === 'string' ? [problem(at, Code.INVALID_XPATH, parsed)] : [];
    }
    case 'contains':
    case 'equals':
      return [];
  }
}

function regexProblems(pattern: string, at: string): OutcomeRuleProblem[] {
  let regex: RegExp;
  try {
    regex = compileRegex(pattern);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [problem(at, Code.INVALID_REGEX, `is not a valid regular expression: ${reason}`)];
  }
  const unsafe = unsafeRepetition(regex.source);
  return unsafe ? [problem(at, Code.UNSAFE_REGEX, unsafe)] : [];
}

function captureProblems(capture: unknown, at: string): OutcomeRuleProblem[] {
  if (capture === null || capture === undefined) {
    return [];
  }
  if (!isObject(capture)) {
    return [problem(at, Code.INVALID_CAPTURE, 'must be { from, expression } or null')];
  }
  const from = CAPTURE_SOURCES.find((source) => source === capture.from);
  if (!from) {
    return [
      problem(`${at}.from`, Code.INVALID_CAPTURE, `must be one of ${CAPTURE_SOURCES.join(', ')}`),
    ];
  }
  const where = `${at}.expression`;
  const text = textProblem(capture.expression, where);
  if (text) {
    return [text];
  }
  const expression = capture.expression as string;
  switch (from) {
    case 'header':
      return HEADER_NAME.test(expression)
        ? []
        : [
            problem(
              where,
              Code.INVALID_HEADER_NAME,
              'must be a response header name, e.g. X-Reference',
            ),
          ];
    case 'regex':
      return regexProblems(expression, where);
    case 'json-path':
    case 'xpath':
      return patternProblems(from, expression, where);
  }
}

/** The problem with a pattern or expression that is not text, is blank or is too long. */
function textProblem(value: unknown, at: string): OutcomeRuleProblem | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    return problem(at, Code.EMPTY_PATTERN, 'must not be empty');
  }
  if (value.length > MAX_OUTCOME_TEXT_LENGTH) {
    return problem(at, Code.TOO_LONG, `must be at most ${MAX_OUTCOME_TEXT_LENGTH} characters`);
  }
  return undefined;
}

function problem(path: string, code: Code, message: string): OutcomeRuleProblem {
  return { path, code, message };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
