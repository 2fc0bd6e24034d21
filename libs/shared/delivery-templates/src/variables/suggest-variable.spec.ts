import { editDistance, suggestVariable } from './suggest-variable';

describe(suggestVariable.name, () => {
  it.each([
    ['lead.frist_name', 'lead.first_name'],
    ['lead.firstname', 'lead.first_name'],
    ['Lead.First-Name', 'lead.first_name'],
    ['first_name', 'lead.first_name'],
    ['postcode', 'lead.address.postcode'],
    ['lead.answer.property_value', 'lead.answers.property_value'],
    ['answers.x.smoker', undefined],
    ['lead.adress.city', 'lead.address.city'],
    ['now.local', undefined],
    ['partner.email', undefined],
  ])('suggests for %s: %s', (name, suggestion) => {
    expect(suggestVariable(name)).toBe(suggestion);
  });

  it('does not suggest a name that is the tail of several variables', () => {
    expect(suggestVariable('id')).toBeUndefined();
  });
});

describe(editDistance.name, () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
  });

  it('gives up past the limit', () => {
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });
});
