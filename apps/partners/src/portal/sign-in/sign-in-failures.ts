import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type BackoffPolicy,
  type FailureCount,
  NO_FAILURES,
  countAttempt,
  forgetAttempt,
  lockedUntil,
  longestLockMs,
} from './sign-in-backoff';

/** A subject of the count (`email:<address>` or `address:<ip>`) and the policy it is counted under. */
export interface CountedSubject {
  subject: string;
  policy: BackoffPolicy;
}

interface Row {
  failures: number;
  last_failure_at: Date | null;
  locked_until: Date | null;
}

/**
 * The `portal_sign_in_failures` table, and the only code that touches it.
 * Shared by every partners instance, so a lockout holds whichever instance
 * an attacker reaches. Each step locks the subjects' rows (in one order, so
 * two steps cannot deadlock) for a few statements, never across a password check.
 */
@Injectable()
export class SignInFailures {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Counts an attempt against every subject, unless one of them is locked:
   * then nothing is counted and the latest lock's end is returned.
   */
  async admit(subjects: readonly CountedSubject[], now: Date): Promise<Date | null> {
    await this.forgetStale(subjects, now);
    return this.dataSource.transaction(async (manager) => {
      const counts = await this.lock(manager, subjects);
      const locks = counts
        .map((count) => lockedUntil(count, now))
        .filter((until): until is Date => until !== null);
      if (locks.length > 0) {
        return new Date(Math.max(...locks.map((until) => until.getTime())));
      }
      for (const [index, { subject, policy }] of sorted(subjects).entries()) {
        await this.save(manager, subject, countAttempt(counts[index]!, now, policy));
      }
      return null;
    });
  }

  /** A success: the email's count is cleared, the shared address only takes this attempt back. */
  async succeeded(email: CountedSubject, others: readonly CountedSubject[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const counts = await this.lock(manager, others);
      for (const [index, { subject, policy }] of sorted(others).entries()) {
        await this.save(manager, subject, forgetAttempt(counts[index]!, policy));
      }
      await manager.query('DELETE FROM portal_sign_in_failures WHERE subject = $1', [
        email.subject,
      ]);
    });
  }

  /**
   * Counts nobody will read again (their window and longest lock are over):
   * random emails sprayed at the sign-in must not grow the table for ever.
   */
  private async forgetStale(subjects: readonly CountedSubject[], now: Date): Promise<void> {
    const horizonMs = Math.max(
      ...subjects.map(({ policy }) => policy.windowMs + longestLockMs(policy)),
    );
    const before = new Date(now.getTime() - horizonMs);
    await this.dataSource.query(
      `DELETE FROM portal_sign_in_failures
       WHERE last_failure_at < $1 AND (locked_until IS NULL OR locked_until < $1)`,
      [before],
    );
  }

  /** The subjects' counts, in {@link sorted} order, their rows locked until the transaction ends. */
  private async lock(
    manager: EntityManager,
    subjects: readonly CountedSubject[],
  ): Promise<FailureCount[]> {
    const names = sorted(subjects).map(({ subject }) => subject);
    // Rows must exist to be locked: a first attempt creates its subject's row.
    await manager.query(
      `INSERT INTO portal_sign_in_failures (subject, failures)
       SELECT unnest($1::text[]), 0 ORDER BY 1 ON CONFLICT (subject) DO NOTHING`,
      [names],
    );
    const rows = await manager.query<(Row & { subject: string })[]>(
      `SELECT subject, failures, last_failure_at, locked_until FROM portal_sign_in_failures
       WHERE subject = ANY($1::text[]) ORDER BY subject FOR UPDATE`,
      [names],
    );
    return names.map((name) => {
      const row = rows.find((candidate) => candidate.subject === name);
      return row
        ? {
            failures: row.failures,
            lastFailureAt: row.last_failure_at,
            lockedUntil: row.locked_until,
          }
        : NO_FAILURES;
    });
  }

  private async save(manager: EntityManager, subject: string, count: FailureCount): Promise<void> {
    await manager.query(
      `UPDATE portal_sign_in_failures SET failures = $2, last_failure_at = $3, locked_until = $4
       WHERE subject = $1`,
      [subject, count.failures, count.lastFailureAt, count.lockedUntil],
    );
  }
}

function sorted(subjects: readonly CountedSubject[]): CountedSubject[] {
  return [...subjects].sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
}
