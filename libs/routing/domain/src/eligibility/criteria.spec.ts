import type { AnswerCriterion } from '../model/routing-partner';
import { isInArea } from './area-match';
import { criterionHolds } from './criteria';

const answers = { property_value: 350000, purpose: ' Remortgage ', first_time_buyer: false };
const holds = (criterion: AnswerCriterion) => criterionHolds(criterion, answers);

describe(criterionHolds.name, () => {
  it('compares text ignoring case and surrounding space', () => {
    expect(holds({ field: 'purpose', operator: 'eq', value: 'remortgage' })).toBe(true);
    expect(holds({ field: 'purpose', operator: 'neq', value: 'purchase' })).toBe(true);
    expect(holds({ field: 'purpose', operator: 'in', value: ['purchase', 'REMORTGAGE'] })).toBe(
      true,
    );
  });

  it('orders numbers only', () => {
    expect(holds({ field: 'property_value', operator: 'gte', value: 350000 })).toBe(true);
    expect(holds({ field: 'property_value', operator: 'gt', value: 350000 })).toBe(false);
    expect(holds({ field: 'property_value', operator: 'lt', value: 400000 })).toBe(true);
    expect(holds({ field: 'property_value', operator: 'lte', value: 1 })).toBe(false);
    expect(holds({ field: 'purpose', operator: 'gt', value: 'a' })).toBe(false);
  });

  it('compares booleans exactly', () => {
    expect(holds({ field: 'first_time_buyer', operator: 'eq', value: false })).toBe(true);
    expect(holds({ field: 'first_time_buyer', operator: 'eq', value: 'false' })).toBe(false);
  });

  it('fails every operator on a missing answer, neq included', () => {
    expect(holds({ field: 'income', operator: 'neq', value: 0 })).toBe(false);
    expect(holds({ field: 'toString', operator: 'neq', value: 0 })).toBe(false);
  });
});

describe(isInArea.name, () => {
  it('takes letters alone as an area and anything else as a district', () => {
    expect(isInArea(['SW'], 'SW1A')).toBe(true);
    expect(isInArea(['S'], 'SW1A')).toBe(false);
    expect(isInArea(['S'], 'S10')).toBe(true);
    expect(isInArea(['sw1a'], 'SW1A')).toBe(true);
    expect(isInArea(['SW1'], 'SW1A')).toBe(false);
  });

  it('matches anywhere without a filter, and nowhere without a district', () => {
    expect(isInArea([], null)).toBe(true);
    expect(isInArea(['SW'], null)).toBe(false);
  });
});
