import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** One line of a statement: a movement and the balance after it. */
export interface StatementLine {
  recordedAt: string;
  entry: number;
  type: string;
  kind: string | null;
  leadId: string | null;
  /** Signed: what the line added to (or took from) the balance. */
  amount: number;
  currency: string;
  balanceAfter: number;
  reference: string | null;
  reason: string | null;
  actorType: string | null;
  actorId: string | null;
  eventId: string;
}

export interface Statement {
  partnerId: string;
  book: 'account' | 'payable';
  from: string;
  to: string;
  /** The balance before the first line of the range (0 when the range starts before the first). */
  openingBalance: number;
  /** The balance at the end of the range (also when the lines are cut short). */
  closingBalance: number;
  /** More lines than a statement holds: ask for the rest with `from` after the last line. */
  truncated: boolean;
  lines: StatementLine[];
}

interface LineRow {
  recorded_at: Date;
  entry_version: number;
  type: string;
  kind: string | null;
  lead_id: string | null;
  amount: string;
  currency: string;
  balance_after: string;
  reference: string | null;
  reason: string | null;
  actor_type: string | null;
  actor_id: string | null;
  event_id: string;
}

/** Up to this many lines per statement: a longer range is asked for in parts. */
export const STATEMENT_LINE_LIMIT = 10_000;

/**
 * A statement from the ledger projection: an account's movements (or an
 * introducer's payables) in a range, in the order they were recorded, each
 * with the running balance after it.
 */
@Injectable()
export class StatementQuery {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async of(
    book: 'account' | 'payable',
    partnerId: string,
    from: Date,
    to: Date,
  ): Promise<Statement> {
    const rows = await this.dataSource.query<LineRow[]>(
      `SELECT * FROM billing_ledger
        WHERE book = $1 AND partner_id = $2 AND recorded_at >= $3 AND recorded_at < $4
        ORDER BY entry_version LIMIT $5`,
      [book, partnerId, from, to, STATEMENT_LINE_LIMIT + 1],
    );
    const closing = await this.dataSource.query<{ balance_after: string }[]>(
      `SELECT balance_after FROM billing_ledger
        WHERE book = $1 AND partner_id = $2 AND recorded_at < $3
        ORDER BY entry_version DESC LIMIT 1`,
      [book, partnerId, to],
    );
    const before = await this.dataSource.query<{ balance_after: string }[]>(
      `SELECT balance_after FROM billing_ledger
        WHERE book = $1 AND partner_id = $2 AND recorded_at < $3
        ORDER BY entry_version DESC LIMIT 1`,
      [book, partnerId, from],
    );
    const truncated = rows.length > STATEMENT_LINE_LIMIT;
    const lines = rows.slice(0, STATEMENT_LINE_LIMIT).map(toLine);
    const openingBalance = Number(before[0]?.balance_after ?? 0);
    return {
      partnerId,
      book,
      from: from.toISOString(),
      to: to.toISOString(),
      openingBalance,
      closingBalance: Number(closing[0]?.balance_after ?? openingBalance),
      truncated,
      lines,
    };
  }
}

function toLine(row: LineRow): StatementLine {
  return {
    recordedAt: row.recorded_at.toISOString(),
    entry: row.entry_version,
    type: row.type,
    kind: row.kind,
    leadId: row.lead_id,
    amount: Number(row.amount),
    currency: row.currency,
    balanceAfter: Number(row.balance_after),
    reference: row.reference,
    reason: row.reason,
    actorType: row.actor_type,
    actorId: row.actor_id,
    eventId: row.event_id,
  };
}

export const STATEMENT_CSV_COLUMNS = [
  'recordedAt',
  'entry',
  'type',
  'kind',
  'leadId',
  'amount',
  'currency',
  'balanceAfter',
  'reference',
  'reason',
  'actorType',
  'actorId',
  'eventId',
] as const satisfies readonly (keyof StatementLine)[];
