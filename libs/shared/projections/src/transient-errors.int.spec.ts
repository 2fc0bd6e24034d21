import { TcpProxy, type TestDatabase, createTestDatabase } from '@leadrail/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { isTransientError } from './transient-errors';

/** The classification against the errors a real PostgreSQL, node-postgres and TypeORM raise. */
describe(`${isTransientError.name} on real errors`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('transient-errors');
    dataSource = await new DataSource({ type: 'postgres', url: database.url }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  async function errorOf(work: () => Promise<unknown>): Promise<unknown> {
    return work().then(
      () => {
        throw new Error('expected a failure');
      },
      (error: unknown) => error,
    );
  }

  it('treats a refused connection as transient', async () => {
    // A port nothing listens on any more.
    const closed = await TcpProxy.forUrl(database.url);
    await closed.close();
    const client = new Client({ connectionString: closed.urlFor(database.url) });
    expect(isTransientError(await errorOf(() => client.connect()))).toBe(true);
  });

  it('treats a backend terminated by an administrator (57P01) as transient, through TypeORM', async () => {
    const error = await errorOf(() =>
      dataSource.transaction((manager) =>
        manager.query('SELECT pg_terminate_backend(pg_backend_pid())'),
      ),
    );
    expect(error).toMatchObject({ code: '57P01' });
    expect(isTransientError(error)).toBe(true);
  });

  it('treats a connection lost under a query as transient', async () => {
    const proxy = await TcpProxy.forUrl(database.url);
    const client = new Client({ connectionString: proxy.urlFor(database.url) });
    client.on('error', () => undefined);
    try {
      await client.connect();
      const query = errorOf(() => client.query('SELECT pg_sleep(10)'));
      setTimeout(() => proxy.cut(), 100);
      expect(isTransientError(await query)).toBe(true);
    } finally {
      await client.end().catch(() => undefined);
      await proxy.close();
    }
  });

  it("treats errors of the projection's own SQL as not transient", async () => {
    for (const sql of ['SELECT 1 / 0', 'SELECT * FROM no_such_table', 'SELECT nonsense(']) {
      const error = await errorOf(() => dataSource.query(sql));
      expect(isTransientError(error)).toBe(false);
    }
  });
});
