import { describeError, isTransientError } from './transient-errors';

/** Errors shaped as node-postgres, TypeORM and Node's sockets produce them. */
function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, severity: 'FATAL' });
}

describe(isTransientError.name, () => {
  it.each([
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ],
    ['a reset connection', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    [
      'an unresolvable host during failover',
      Object.assign(new Error('getaddrinfo'), { code: 'EAI_AGAIN' }),
    ],
    [
      'an administrator shutdown (57P01)',
      pgError('57P01', 'terminating connection due to administrator command'),
    ],
    ['a server starting up (57P03)', pgError('57P03', 'the database system is starting up')],
    ['a connection exception (class 08)', pgError('08006', 'connection failure')],
    ['too many connections (53300)', pgError('53300', 'sorry, too many clients already')],
    ['a deadlock (40P01)', pgError('40P01', 'deadlock detected')],
    ['a lost connection without a code', new Error('Connection terminated unexpectedly')],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
    [
      'a TypeORM wrapper of an administrator shutdown',
      Object.assign(new Error('QueryFailedError'), {
        driverError: pgError('57P01', 'terminating connection due to administrator command'),
      }),
    ],
    [
      'a refused connection to both IPv4 and IPv6',
      new AggregateError([Object.assign(new Error(''), { code: 'ECONNREFUSED' })], ''),
    ],
    [
      'an error caused by a reset',
      new Error('publish failed', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) }),
    ],
  ])('is true for %s', (_, error) => {
    expect(isTransientError(error)).toBe(true);
  });

  it.each([
    [
      "the projection's own bug",
      new TypeError("Cannot read properties of undefined (reading 'id')"),
    ],
    ['a division by zero in its SQL (22012)', pgError('22012', 'division by zero')],
    ['a missing table (42P01)', pgError('42P01', 'relation "partner_directory" does not exist')],
    [
      'a unique violation (23505)',
      pgError('23505', 'duplicate key value violates unique constraint'),
    ],
    [
      'a cancelled statement (57014)',
      pgError('57014', 'canceling statement due to statement timeout'),
    ],
    ['a thrown string', 'boom'],
    ['nothing', undefined],
  ])('is false for %s', (_, error) => {
    expect(isTransientError(error)).toBe(false);
  });
});

describe(describeError.name, () => {
  it('gives the message and the code on one line, never a stack', () => {
    expect(describeError(pgError('57P01', 'terminating connection'))).toBe(
      'terminating connection (57P01)',
    );
    expect(describeError(new Error('Connection terminated unexpectedly'))).toBe(
      'Connection terminated unexpectedly',
    );
    expect(
      describeError(
        new AggregateError(
          [Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })],
          '',
        ),
      ),
    ).toBe('connect ECONNREFUSED ::1:5432');
    // Node's own errors, seen from another realm (as under Jest), are not `instanceof Error`.
    expect(describeError({ message: 'read ECONNRESET', code: 'ECONNRESET' })).toBe(
      'read ECONNRESET',
    );
  });
});
