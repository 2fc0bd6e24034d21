import { leadAnswerProblems } from './lead-answers';

describe(leadAnswerProblems.name, () => {
  it('accepts flat text, number and boolean answers under lower_snake_case keys', () => {
    expect(
      leadAnswerProblems({ property_value: 350000, first_time_buyer: true, note: 'call after 6' }),
    ).toEqual([]);
  });

  it('refuses more than 50 answers', () => {
    const answers = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`q${i}`, i]));
    expect(leadAnswerProblems(answers)).toEqual(['must hold at most 50 answers (got 51)']);
  });

  it('refuses keys that are not lower_snake_case or longer than 64 characters', () => {
    const problems = leadAnswerProblems({
      'first-time': true,
      _x: 1,
      a__b: 1,
      ['k'.repeat(65)]: 1,
    });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^key "first-time" must be lower_snake_case/);
  });

  it('refuses lists, objects, null and text over 1000 characters as answers', () => {
    expect(
      leadAnswerProblems({
        a: [1],
        b: { c: 1 },
        c: null,
        d: 'x'.repeat(1001),
        e: 'x'.repeat(1000),
      }),
    ).toEqual(
      ['a', 'b', 'c', 'd'].map(
        (key) => `answer "${key}" must be text of at most 1000 characters, a number or true/false`,
      ),
    );
  });

  it('refuses answers that are not an object', () => {
    expect(leadAnswerProblems(['yes'])).toEqual([
      'must be an object of answers keyed by lower_snake_case question keys',
    ]);
  });
});
