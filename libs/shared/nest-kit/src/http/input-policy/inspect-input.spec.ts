import { inspectInput } from './inspect-input';

describe(inspectInput.name, () => {
  it('passes ordinary JSON, emoji and all', () => {
    expect(
      inspectInput({ name: 'Acme 👍🏽', days: [{ from: '09:00' }], n: 1, ok: null }, ''),
    ).toEqual([]);
  });

  it('refuses nesting past the limit without overflowing the stack on 100,000 levels', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level++) {
      deep = { a: deep };
    }
    const [problem] = inspectInput(deep, '');

    expect(problem?.messages[0]).toContain('nests deeper than 32 levels');
  });

  it('names the path of a NUL in a nested string, array element or key', () => {
    expect(inspectInput({ a: { b: ['ok', 'x\u0000'] } }, '')).toEqual([
      { field: 'a.b[1]', messages: ['a.b[1] must not contain the NUL character (U+0000)'] },
    ]);
    expect(inspectInput({ 'k\u0000': 1 }, 'query')[0]?.messages[0]).toBe(
      'query has a key that must not contain the NUL character (U+0000)',
    );
  });

  it('refuses an unpaired surrogate, which PostgreSQL cannot store, and keeps paired ones', () => {
    expect(inspectInput({ name: 'a\ud800' }, '')[0]?.field).toBe('name');
    expect(inspectInput({ name: '😀' }, '')).toEqual([]);
  });

  it('refuses more values than the limit, however flat', () => {
    const wide = Array.from({ length: 20_001 }, () => 0);

    expect(inspectInput(wide, '')[0]?.messages[0]).toBe('body holds more than 20000 values');
  });
});
