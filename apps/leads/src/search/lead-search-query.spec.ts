import { buildLeadSearchQuery } from './lead-search-query';

const PARTNER = '5f1c1d6e-8a4b-4c3d-9e2f-1a2b3c4d5e6f';

describe(buildLeadSearchQuery.name, () => {
  it('pages newest first and reads one row more than the page', () => {
    const { sql, params } = buildLeadSearchQuery({ limit: 25 }, { kind: 'operator' });
    expect(sql).toMatch(/FROM lead_search ORDER BY recorded_at DESC, lead_id DESC LIMIT \$1$/);
    expect(params).toEqual([26]);
  });

  it("puts a partner's scope into the query itself, before any filter", () => {
    const { sql, params } = buildLeadSearchQuery(
      { limit: 10, status: 'accepted' },
      { kind: 'partner', partnerId: PARTNER },
    );
    expect(sql).toContain('WHERE partner_id = $1::uuid AND status = $2');
    expect(params).toEqual([PARTNER, 'accepted', 11]);
  });

  it('combines every filter with AND, values only as parameters', () => {
    const { sql, params } = buildLeadSearchQuery(
      {
        limit: 5,
        partnerId: PARTNER,
        introducerId: '11111111-1111-4111-8111-111111111111',
        status: "x'; DROP TABLE lead_search; --",
        leadType: 'mortgage',
        stage: 'delivered',
        from: new Date('2026-03-01T00:00:00Z'),
        to: new Date('2026-04-01T00:00:00Z'),
        after: {
          recordedAt: '2026-03-15T10:00:00.000Z',
          leadId: '22222222-2222-4222-8222-222222222222',
        },
      },
      { kind: 'operator' },
    );
    expect(sql).not.toContain('DROP');
    expect(sql).toContain(
      'WHERE partner_id = $1::uuid AND introducer_id = $2::uuid AND status = $3 AND lead_type = $4 ' +
        'AND stage = $5 AND recorded_at >= $6::timestamptz AND recorded_at < $7::timestamptz ' +
        'AND (recorded_at, lead_id) < ($8::timestamptz, $9::uuid)',
    );
    expect(params).toEqual([
      PARTNER,
      '11111111-1111-4111-8111-111111111111',
      "x'; DROP TABLE lead_search; --",
      'mortgage',
      'delivered',
      '2026-03-01T00:00:00.000Z',
      '2026-04-01T00:00:00.000Z',
      '2026-03-15T10:00:00.000Z',
      '22222222-2222-4222-8222-222222222222',
      6,
    ]);
  });

  it('searches text as a literal, a phone number also in E.164', () => {
    const text = buildLeadSearchQuery({ limit: 1, q: '100%_Sure\\' }, { kind: 'operator' });
    expect(text.sql).toContain('WHERE search_text LIKE $1');
    expect(text.params[0]).toBe('%100\\%\\_sure\\\\%');

    const phone = buildLeadSearchQuery({ limit: 1, q: '07700 900123' }, { kind: 'operator' });
    expect(phone.sql).toContain('WHERE (search_text LIKE $1 OR search_text LIKE $2)');
    expect(phone.params.slice(0, 2)).toEqual(['%07700 900123%', '%+447700900123%']);
  });
});
