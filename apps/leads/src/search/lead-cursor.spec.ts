import { decodeLeadCursor, encodeLeadCursor } from './lead-cursor';

const cursor = {
  recordedAt: '2026-03-01T09:30:00.123Z',
  leadId: '0b8a3c1e-2f4d-4e5a-9b6c-7d8e9f0a1b2c',
};

describe('lead cursor', () => {
  it('reads back exactly the position it was made from', () => {
    const text = encodeLeadCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeLeadCursor(text)).toEqual(cursor);
  });

  it.each([
    ['not base64url', 'a+b/c='],
    ['not JSON', Buffer.from('nope').toString('base64url')],
    ['an object', Buffer.from(JSON.stringify(cursor)).toString('base64url')],
    [
      'three parts',
      Buffer.from(JSON.stringify([cursor.recordedAt, cursor.leadId, 1])).toString('base64url'),
    ],
    [
      'a date that does not exist',
      encodeLeadCursor({ ...cursor, recordedAt: '2026-02-30T09:30:00.000Z' }),
    ],
    [
      'a time without milliseconds',
      encodeLeadCursor({ ...cursor, recordedAt: '2026-03-01T09:30:00Z' }),
    ],
    ['a lead id that is no UUID', encodeLeadCursor({ ...cursor, leadId: "x' OR 1=1 --" })],
    ['an empty text', ''],
  ])('refuses %s', (_, text) => {
    expect(decodeLeadCursor(text)).toBeNull();
  });
});
