import type { AnswerCriterion, AnswerValue } from '../model/routing-partner';

function comparable(value: AnswerValue): AnswerValue {
  return typeof value === 'string' ? value.trim().toLowerCase() : value;
}

// Text is compared ignoring case and surrounding space (forms differ); other values exactly.
function equal(answer: AnswerValue, value: AnswerValue): boolean {
  return comparable(answer) === comparable(value);
}

/**
 * Whether the lead's answers satisfy one criterion. A missing answer fails
 * every operator, `neq` included: a partner that filters on an answer buys
 * only leads that gave it. The ordering operators hold only between numbers.
 */
export function criterionHolds(
  criterion: AnswerCriterion,
  answers: Readonly<Record<string, AnswerValue>>,
): boolean {
  if (!Object.prototype.hasOwnProperty.call(answers, criterion.field)) {
    return false;
  }
  const answer = answers[criterion.field];
  if (answer === undefined) {
    return false;
  }
  switch (criterion.operator) {
    case 'eq':
      return equal(answer, criterion.value);
    case 'neq':
      return !equal(answer, criterion.value);
    case 'in':
      return criterion.value.some((value) => equal(answer, value));
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return ordered(criterion.operator, answer, criterion.value);
    default: {
      const _exhaustive: never = criterion;
      return _exhaustive;
    }
  }
}

function ordered(
  operator: 'gt' | 'gte' | 'lt' | 'lte',
  answer: AnswerValue,
  value: AnswerValue,
): boolean {
  if (typeof answer !== 'number' || typeof value !== 'number') {
    return false;
  }
  switch (operator) {
    case 'gt':
      return answer > value;
    case 'gte':
      return answer >= value;
    case 'lt':
      return answer < value;
    case 'lte':
      return answer <= value;
    default: {
      const _exhaustive: never = operator;
      return _exhaustive;
    }
  }
}
