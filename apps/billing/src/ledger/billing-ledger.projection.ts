import {
  ACCOUNT_EVENT_TYPES,
  ACCOUNT_STREAM_CATEGORY,
  type AccountEvent,
  PAYABLE_EVENT_TYPES,
  PAYABLE_STREAM_CATEGORY,
  type PayableEvent,
  isAccountEvent,
  isAccountMovement,
  signedAmount,
} from '@leadrail/billing-domain';
import type { RecordedEvent } from '@leadrail/event-store';
import type { Projection } from '@leadrail/projections';
import type { EntityManager } from 'typeorm';

/**
 * The ledger (`billing_ledger`: one line per movement of an account or of
 * an introducer's payables, with the balance after it) and the accounts
 * (`billing_accounts`: balance, version, whether a low-funds alert is out),
 * from billing's own log. Statements, reports and the account endpoint read
 * these; a rebuild from position zero gives the same rows.
 */
export class BillingLedgerProjection implements Projection {
  readonly name = 'billing-ledger';
  readonly filter = {
    streamNamePrefixes: [`${ACCOUNT_STREAM_CATEGORY}-`, `${PAYABLE_STREAM_CATEGORY}-`],
    eventTypes: [...ACCOUNT_EVENT_TYPES, ...PAYABLE_EVENT_TYPES],
  };

  async apply(recorded: RecordedEvent, manager: EntityManager): Promise<void> {
    const event = { type: recorded.type, data: recorded.data } as AccountEvent | PayableEvent;
    if (isAccountEvent(event)) {
      await this.applyAccount(recorded, event, manager);
    } else {
      await this.applyPayable(recorded, event, manager);
    }
  }

  private async applyAccount(
    recorded: RecordedEvent,
    event: AccountEvent,
    manager: EntityManager,
  ): Promise<void> {
    if (!isAccountMovement(event)) {
      await manager.query(
        'UPDATE billing_accounts SET funds_low = $2, updated_at = now() WHERE partner_id = $1',
        [event.data.partnerId, event.type === 'PartnerFundsLow'],
      );
      return;
    }
    const { data } = event;
    const kind = event.type === 'PartnerCharged' ? 'charge' : event.data.kind;
    const extra =
      event.type === 'PartnerCharged'
        ? { reference: null, reason: null, actor: null }
        : { reference: event.data.reference, reason: event.data.reason, actor: event.data.actor };
    await insertLine(manager, {
      eventId: recorded.id,
      book: 'account',
      partnerId: data.partnerId,
      version: data.accountVersion,
      type: event.type,
      kind,
      leadId: 'leadId' in data ? data.leadId : null,
      amount: signedAmount(event),
      currency: data.balanceAfter.currency,
      balanceAfter: data.balanceAfter.amount,
      ...extra,
      recordedAt: data.recordedAt,
    });
    await manager.query(
      `INSERT INTO billing_accounts (partner_id, currency, balance, account_version, updated_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (partner_id) DO UPDATE
         SET currency = EXCLUDED.currency, balance = EXCLUDED.balance,
             account_version = EXCLUDED.account_version, updated_at = now()`,
      [data.partnerId, data.balanceAfter.currency, data.balanceAfter.amount, data.accountVersion],
    );
  }

  private async applyPayable(
    recorded: RecordedEvent,
    event: PayableEvent,
    manager: EntityManager,
  ): Promise<void> {
    const { data } = event;
    const reversed = event.type === 'IntroducerPayableReversed';
    await insertLine(manager, {
      eventId: recorded.id,
      book: 'payable',
      partnerId: data.partnerId,
      version: data.payableVersion,
      type: event.type,
      kind: reversed ? 'reversal' : 'lead-cost',
      leadId: data.leadId,
      amount: reversed ? -data.amount.amount : data.amount.amount,
      currency: data.owedAfter.currency,
      balanceAfter: data.owedAfter.amount,
      reference: null,
      reason: reversed ? event.data.reason : null,
      actor: reversed ? event.data.actor : null,
      recordedAt: data.recordedAt,
    });
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('TRUNCATE billing_ledger, billing_accounts');
  }
}

interface LedgerLine {
  eventId: string;
  book: 'account' | 'payable';
  partnerId: string;
  version: number;
  type: string;
  kind: string;
  leadId: string | null;
  amount: number;
  currency: string;
  balanceAfter: number;
  reference: string | null;
  reason: string | null;
  actor: { type: string; id: string } | null;
  recordedAt: string;
}

async function insertLine(manager: EntityManager, line: LedgerLine): Promise<void> {
  await manager.query(
    `INSERT INTO billing_ledger
       (event_id, book, partner_id, entry_version, type, kind, lead_id, amount, currency,
        balance_after, reference, reason, actor_type, actor_id, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (event_id) DO NOTHING`,
    [
      line.eventId,
      line.book,
      line.partnerId,
      line.version,
      line.type,
      line.kind,
      line.leadId,
      line.amount,
      line.currency,
      line.balanceAfter,
      line.reference,
      line.reason,
      line.actor?.type ?? null,
      line.actor?.id ?? null,
      line.recordedAt,
    ],
  );
}
