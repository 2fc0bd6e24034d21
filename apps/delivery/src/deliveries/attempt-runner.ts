import { Inject, Injectable, Logger } from '@nestjs/common';
import { dueChannels, nextAttemptAt } from '@leadrail/delivery-domain';
import { derivedEventId } from '@leadrail/event-store';
import type { TemplateInput } from '@leadrail/delivery-templates';
import { CLOCK, type Clock } from '@leadrail/nest-kit';
import type { EntityManager } from 'typeorm';
import { DELIVERY_SETTINGS, type DeliverySettings } from '../config/delivery.env';
import type { DeliveryLeadRecord } from '../lead-view/delivery-leads.handler';
import { ContactUnavailableError, LeadContacts } from '../lead-view/lead-contacts';
import type { DeliveryPartnerRecord } from '../partner-view/delivery-partner-record';
import { AttemptLog } from './attempt-log';
import type { AttemptResult, ChannelSender } from './channel-sender';
import { CHANNEL_SENDERS, type ChannelSenders } from './channel-senders';
import { Deliveries } from './deliveries';
import { DeliverySchedule, type DueAttempt } from './delivery-schedule';

/** How long an attempt waits for the lead or its value to arrive from Kafka, between looks. */
const NOT_READY_WAIT_MS = 1000;
/** How long it waits in all before the delivery fails for want of them. */
const MAX_NOT_READY_MS = 5 * 60_000;

interface Ready {
  lead: DeliveryLeadRecord;
  partner: DeliveryPartnerRecord;
  introducerName: string;
  value: { amount: number; currency: string };
}

/**
 * Makes one attempt due: reads the delivery, the partner and the lead,
 * opens the lead's contact, sends by the channel, keeps the request and
 * response in the attempt log, records the attempt (and the final outcome
 * it brings) on the delivery's stream and schedules what is left. An attempt
 * recorded already (the process stopped after recording, before the
 * schedule moved on) is not made again.
 */
@Injectable()
export class AttemptRunner {
  private readonly logger = new Logger(AttemptRunner.name);

  constructor(
    @Inject(Deliveries) private readonly deliveries: Deliveries,
    @Inject(DeliverySchedule) private readonly schedule: DeliverySchedule,
    @Inject(LeadContacts) private readonly contacts: LeadContacts,
    @Inject(AttemptLog) private readonly log: AttemptLog,
    @Inject(CHANNEL_SENDERS) private readonly senders: ChannelSenders,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
  ) {}

  async run(due: DueAttempt, manager: EntityManager): Promise<void> {
    const { state } = await this.deliveries.load(due.deliveryId);
    const pending = dueChannels(state).find((entry) => entry.channel === due.channel);
    if (pending === undefined || pending.attempt !== due.attempt) {
      // The stream moved on (recorded before a stop): the schedule follows it.
      await this.deliveries.schedule(manager, state, due.correlationId, due.channel);
      return;
    }
    const ready = await this.ready(due, manager);
    const waited = this.clock.now().getTime() - (due.waitingSince ?? this.clock.now()).getTime();
    if (ready === null && waited < MAX_NOT_READY_MS) {
      await this.postpone(manager, due);
      return;
    }
    const result = ready === null ? this.unknown() : await this.attempt(due, ready);
    if (result === 'postpone') {
      await this.postpone(manager, due);
      return;
    }
    await this.log.keep(manager, due, state.round, result);
    const retryAt =
      result.outcome === 'error' && result.permanent !== true
        ? nextAttemptAt(due.attempt, this.clock.now(), this.settings.retry, {
            retryAfter: result.retryAfter,
            random: Math.random,
          })
        : null;
    const after = await this.deliveries.recordAttempt(
      due.deliveryId,
      state.round,
      {
        channel: due.channel,
        attempt: due.attempt,
        startedAt: result.startedAt,
        durationMs: result.durationMs,
        outcome: result.outcome,
        httpStatus: result.httpStatus,
        reason: result.reason,
        partnerReference: result.partnerReference,
        retryAt: retryAt?.toISOString() ?? null,
      },
      {
        // The attempt's own id as its cause: a UUID, the same for a repeat of this attempt.
        eventId: derivedEventId(
          `attempt:${due.deliveryId}/${state.round}/${due.channel}/${due.attempt}`,
          0,
        ),
        correlationId: due.correlationId,
      },
    );
    await this.deliveries.schedule(manager, after, due.correlationId, due.channel);
  }

  private async postpone(manager: EntityManager, due: DueAttempt): Promise<void> {
    const now = this.clock.now();
    await this.schedule.postpone(manager, due, now, new Date(now.getTime() + NOT_READY_WAIT_MS));
  }

  /**
   * The lead, its value or its partner never reached delivery (a lead an
   * operator allocated by hand has no routing decision, so no value): the
   * delivery fails rather than waiting for ever.
   */
  private unknown(): AttemptResult {
    return {
      outcome: 'error',
      httpStatus: null,
      reason: `the lead, its value or its partner did not reach delivery within ${MAX_NOT_READY_MS / 1000} s`,
      partnerReference: null,
      retryAfter: null,
      permanent: true,
      matched: 'lead-unavailable',
      startedAt: this.clock.now().toISOString(),
      durationMs: 0,
      request: {},
      response: null,
    };
  }

  private async attempt(due: DueAttempt, ready: Ready): Promise<AttemptResult | 'postpone'> {
    const startedAt = this.clock.now();
    try {
      const contact = await this.contacts.open(ready.lead);
      const sender: ChannelSender = this.senders[due.channel];
      return await sender.send({
        deliveryId: due.deliveryId,
        attempt: due.attempt,
        partner: ready.partner,
        contact,
        input: this.templateInput(due, ready, contact, startedAt),
      });
    } catch (error) {
      const permanent = error instanceof ContactUnavailableError && error.permanent;
      this.logger.warn(`delivery ${due.deliveryId} (${due.channel}): ${(error as Error).message}`);
      // LeadRail's own trouble (the leads service unreachable): not the partner's attempt. Any
      // other answer (a 404 from a wrong LEADS_URL) is an error retried with back-off, so it
      // neither fails every delivery at once nor loops every second.
      if (error instanceof ContactUnavailableError && error.unreachable) {
        return 'postpone';
      }
      return {
        outcome: 'error',
        httpStatus: null,
        reason: (error as Error).message.slice(0, 500),
        partnerReference: null,
        retryAfter: null,
        // Erased personal data: no attempt will ever send it.
        permanent,
        matched: permanent ? 'lead-unavailable' : 'internal-error',
        startedAt: startedAt.toISOString(),
        durationMs: this.clock.now().getTime() - startedAt.getTime(),
        request: {},
        response: null,
      };
    }
  }

  private templateInput(
    due: DueAttempt,
    ready: Ready,
    contact: Awaited<ReturnType<LeadContacts['open']>>,
    now: Date,
  ): TemplateInput {
    const { lead, partner } = ready;
    return {
      lead: {
        id: lead.leadId,
        type: lead.leadType,
        receivedAt: lead.receivedAt,
        ...(lead.externalReference === null ? {} : { externalReference: lead.externalReference }),
        firstName: contact.firstName,
        lastName: contact.lastName,
        ...(contact.email === undefined ? {} : { email: contact.email }),
        ...(contact.phone === undefined ? {} : { phone: contact.phone }),
        ...(contact.address === undefined ? {} : { address: contact.address }),
        ...(lead.answers === null ? {} : { answers: lead.answers }),
        value: ready.value,
      },
      partner: { id: partner.partnerId, name: partner.name, timeZone: partner.timeZone },
      introducer: { id: lead.introducerId, name: ready.introducerName },
      delivery: { id: due.deliveryId, attempt: due.attempt },
      now,
    };
  }

  private async ready(due: DueAttempt, manager: EntityManager): Promise<Ready | null> {
    const [lead] = await manager.query<{ record: DeliveryLeadRecord }[]>(
      'SELECT record FROM delivery_leads WHERE lead_id = $1',
      [due.leadId],
    );
    const [value] = await manager.query<{ amount: string; currency: string }[]>(
      'SELECT amount, currency FROM delivery_lead_values WHERE lead_id = $1 AND partner_id = $2',
      [due.leadId, due.partnerId],
    );
    const partners = await manager.query<{ record: DeliveryPartnerRecord }[]>(
      'SELECT record FROM delivery_partners WHERE partner_id = ANY($1::text[])',
      [[due.partnerId, lead?.record.introducerId ?? due.partnerId]],
    );
    const partner = partners.find((row) => row.record.partnerId === due.partnerId)?.record;
    if (lead === undefined || value === undefined || partner === undefined) {
      return null;
    }
    const introducer = partners.find((row) => row.record.partnerId === lead.record.introducerId);
    return {
      lead: lead.record,
      partner,
      introducerName: introducer?.record.name ?? '',
      value: { amount: Number(value.amount), currency: value.currency },
    };
  }
}
