import type { EntityManager } from 'typeorm';

/**
 * Serialises, per partner, the transactions that read whether billing knows
 * the partner and then write what waits for it: a sale or a lead handled
 * while the partner's registration is applied would otherwise read "unknown"
 * before the registration commits and write its row after the registration
 * looked for waiting rows, and nothing would settle it. Held to the end of
 * the transaction.
 */
export async function lockPartner(manager: EntityManager, partnerId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
    `billing-partner:${partnerId}`,
  ]);
}
