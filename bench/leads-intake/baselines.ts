import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { NewEvent } from '@leadrail/event-store';
import { PostgresEventStore } from '@leadrail/event-store-postgres';
import { Pool } from 'pg';
import { openModel, runFor } from '../event-store/measure';
import { RawTable } from '../event-store/raw-table';

const SCHEMA = 'bench_baseline';

const metadata = {
  correlationId: randomUUID(),
  causationId: randomUUID(),
  occurredAt: new Date(0).toISOString(),
  actor: { type: 'system' as const, id: 'bench' },
};

/** A lead-sized event: about 300 bytes of JSON, as in the event-store benchmark. */
function event(): NewEvent {
  return {
    id: randomUUID(),
    type: 'LeadAllocated',
    data: {
      leadId: randomUUID(),
      partnerId: randomUUID(),
      value: { amount: 1250, currency: 'GBP' },
      at: Date.now(),
    },
    metadata,
  };
}

export interface Rates {
  appends: number;
  inserts: number;
  selects: number;
}

export interface Latencies {
  appends: number[];
  selects: number[];
}

/**
 * What lies under intake, measured on the same server and database in the
 * same run: one-event appends through PostgresEventStore (in a schema of its
 * own, so the service's projections and relay never see them), plain
 * single-row INSERTs into a table of the log's shape, and `SELECT 1` round
 * trips, through pools the size of the service's.
 */
export class Baselines {
  private constructor(
    private readonly store: PostgresEventStore,
    private readonly raw: RawTable,
    private readonly pool: Pool,
  ) {}

  static async open(url: string, poolSize: number): Promise<Baselines> {
    const store = await PostgresEventStore.open({
      connectionString: url,
      schema: SCHEMA,
      pool: { max: poolSize },
    });
    const raw = await RawTable.create(url, `${SCHEMA}.events`, poolSize);
    const pool = new Pool({ connectionString: url, max: poolSize });
    pool.on('error', () => undefined);
    return new Baselines(store, raw, pool);
  }

  /** Flat out with `concurrency` callers, `seconds` each: appends/s, INSERTs/s, SELECT 1/s. */
  async rates(concurrency: number, seconds: number): Promise<Rates> {
    const perSecond = async (step: (writer: number, index: number) => Promise<number>) => {
      const run = await runFor(seconds, concurrency, step);
      return run.events / run.seconds;
    };
    return {
      appends: await perSecond((writer, index) =>
        this.store.appendToStream(`rate-${writer}-${index % 100}`, [event()]).then(() => 1),
      ),
      inserts: await perSecond((writer, index) =>
        this.raw.insertOne(`rate-${writer}-${index % 100}`, event()),
      ),
      selects: await perSecond(() => this.select()),
    };
  }

  /** One-event appends and `SELECT 1`s started at `rate` per second (open model), latency from when due. */
  async latenciesAt(rate: number, seconds: number): Promise<Latencies> {
    const appends: number[] = [];
    const selects: number[] = [];
    await openModel(rate, seconds, async (index, due) => {
      await this.store.appendToStream(`lag-${index % 100}`, [event()]);
      appends.push(performance.now() - due);
    });
    await openModel(rate, seconds, async (_, due) => {
      await this.select();
      selects.push(performance.now() - due);
    });
    return { appends, selects };
  }

  async close(): Promise<void> {
    await this.raw.close();
    await this.pool.end();
    await this.store.close();
  }

  private async select(): Promise<number> {
    await this.pool.query({ name: 'select-1', text: 'SELECT 1' });
    return 1;
  }
}
