import { pathSegment, summariseProblems } from './problems';

describe(summariseProblems.name, () => {
  it('joins problems into one line under a heading', () => {
    expect(
      summariseProblems('Invalid envelope', [
        { path: 'eventId', message: 'must be a UUID' },
        { path: '', message: 'the message\nmust be an object' },
      ]),
    ).toBe('Invalid envelope: eventId must be a UUID; the message must be an object');
  });

  it('stops before the limit and says how many problems it left out', () => {
    const problems = Array.from({ length: 10 }, (_, i) => ({
      path: `data.answers.q${i}`,
      message: 'x'.repeat(20),
    }));
    const summary = summariseProblems('Invalid data', problems, 101);
    expect(summary).toBe(
      `Invalid data: data.answers.q0 ${'x'.repeat(20)}; data.answers.q1 ${'x'.repeat(20)} (and 8 more)`,
    );
    expect(summary).toHaveLength(101);
  });
});

describe(pathSegment.name, () => {
  it('uses dots for names, brackets for indices and quotes odd names', () => {
    expect(pathSegment('', 'data', false)).toBe('data');
    expect(pathSegment('data', 'contact', false)).toBe('data.contact');
    expect(pathSegment('data.lines', '3', true)).toBe('data.lines[3]');
    expect(pathSegment('data', 'first name', false)).toBe('data["first name"]');
    expect(pathSegment('data', 'x'.repeat(80), false)).toBe(`data["${'x'.repeat(40)}…"]`);
  });
});
