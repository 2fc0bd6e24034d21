import { decodeLeadCursor, encodeLeadCursor } from './lead-cursor';
import { instantOf, searchFiltersOf } from './lead-search-request';

const STATUSES = ['new', 'accepted'];

describe(searchFiltersOf.name, () => {
  it('defaults the page size and reads days as midnight UTC', () => {
    const after = encodeLeadCursor({
      recordedAt: '2026-03-01T00:00:00.000Z',
      leadId: '22222222-2222-4222-8222-222222222222',
    });
    expect(
      searchFiltersOf(
        { from: '2026-03-01', to: '2026-03-02T12:00:00Z', after, q: ' shah ' },
        STATUSES,
      ),
    ).toMatchObject({
      filters: {
        limit: 25,
        from: new Date('2026-03-01T00:00:00.000Z'),
        to: new Date('2026-03-02T12:00:00.000Z'),
        after: decodeLeadCursor(after),
        q: 'shah',
      },
    });
  });

  it('names every field still wrong after the DTO checks, at once', () => {
    expect(
      searchFiltersOf(
        { from: '2026-02-30', to: '2026-01-01', after: 'garbage!', status: 'won' },
        STATUSES,
      ),
    ).toEqual({
      errors: [
        { field: 'from', messages: ['from is not a date that exists'] },
        { field: 'after', messages: [expect.stringContaining('after must be the next')] },
        {
          field: 'status',
          messages: ['status must be one of the status catalogue: new, accepted'],
        },
      ],
    });
    expect(searchFiltersOf({ from: '2026-03-02', to: '2026-03-01' }, STATUSES)).toEqual({
      errors: [{ field: 'to', messages: ['to must be after from'] }],
    });
  });

  it('refuses days that do not exist', () => {
    expect(instantOf('2026-02-29')).toBeNull();
    expect(instantOf('2028-02-29')).toEqual(new Date('2028-02-29T00:00:00Z'));
    expect(instantOf('2026-03-01T25:00Z')).toBeNull();
  });
});
