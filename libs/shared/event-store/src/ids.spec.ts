import { derivedEventId } from './ids';

describe(derivedEventId.name, () => {
  const cause = '0f8e7f0e-5b0a-4f0b-9c1e-2d6a2b1c3d4e';

  it('derives the same UUID from the same cause and index, every time', () => {
    expect(derivedEventId(cause, 0)).toBe(derivedEventId(cause, 0));
    expect(derivedEventId(cause, 0)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('derives different ids for another index or another cause', () => {
    expect(derivedEventId(cause, 1)).not.toBe(derivedEventId(cause, 0));
    expect(derivedEventId('1f8e7f0e-5b0a-4f0b-9c1e-2d6a2b1c3d4e', 0)).not.toBe(
      derivedEventId(cause, 0),
    );
  });
});
