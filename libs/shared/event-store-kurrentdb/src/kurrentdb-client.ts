import type { KurrentDBClient } from '@kurrent/kurrentdb-client';

/** The part of the official client the adapter uses: a real client, or a test double of it. */
export type KurrentDbClient = Pick<
  KurrentDBClient,
  'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'
>;
