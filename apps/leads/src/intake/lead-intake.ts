import { Inject, Injectable } from '@nestjs/common';
import { type IdGenerator, derivedEventId } from '@leadrail/event-store';
import {
  type DuplicateFinding,
  EXTERNAL_REFERENCE_RULE,
  type LeadDetails,
  type LeadActor,
  type LeadRejection,
  type LeadSource,
  LeadError,
  LeadErrorCode,
  type LeadSubmission,
  effectiveDuplicateRules,
  isUnchanged,
  leadProblems,
  matchKeys,
  refusalBeforeDeduplication,
  toLeadDetails,
} from '@leadrail/leads-domain';
import { CLOCK, type Clock, IDS } from '@leadrail/nest-kit';
import { LeadCommands } from '../lead/lead-commands';
import { PartnerView } from '../partner-view/partner-view';
import { LeadSettingsCommands } from '../settings/lead-settings-commands';
import { DuplicateClaims } from './duplicate-claims';
import { type IntakeAnswer, answerOf } from './intake-answer';

/** How a submission arrived, and what makes a retry of it recognisable. */
export interface SubmissionContext {
  source: LeadSource;
  actor: LeadActor;
  /**
   * For a consumed event: its id. The lead's events derive their ids from it,
   * so a redelivered message records nothing twice.
   */
  causeEventId?: string;
  correlationId?: string;
  /**
   * Answer a lead whose external reference the introducer used before with
   * the first lead's answer (an HTTP retry that minted a new id), instead of
   * recording it as a duplicate.
   */
  replayByExternalReference?: boolean;
}

const SYSTEM = { type: 'system', id: 'leads.intake' } as const;

/**
 * The one intake both channels use (HTTP from introducers, Kafka from internal
 * publishers): validate, check type, introducer and consent, settle
 * de-duplication atomically, record. Returns once the outcome is in the log.
 */
@Injectable()
export class LeadIntake {
  constructor(
    @Inject(LeadCommands) private readonly leads: LeadCommands,
    @Inject(LeadSettingsCommands) private readonly settings: LeadSettingsCommands,
    @Inject(PartnerView) private readonly partners: PartnerView,
    @Inject(DuplicateClaims) private readonly claims: DuplicateClaims,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDS) private readonly ids: IdGenerator,
  ) {}

  async submit(submission: LeadSubmission, context: SubmissionContext): Promise<IntakeAnswer> {
    const answer = await this.record(submission, context);
    return context.actor.type === 'introducer'
      ? this.withoutForeignOriginal(answer, submission.introducerId)
      : answer;
  }

  /**
   * The answer as an introducer may see it: a duplicate of another
   * introducer's lead names the rule and the keys, not that lead's id.
   */
  private async withoutForeignOriginal(
    answer: IntakeAnswer,
    introducerId: string,
  ): Promise<IntakeAnswer> {
    if (
      answer.outcome === 'invalid' ||
      answer.duplicateOf === null ||
      answer.duplicateOf.originalLeadId === null
    ) {
      return answer;
    }
    const { state } = await this.leads.load(answer.duplicateOf.originalLeadId);
    const own =
      'details' in state &&
      state.details !== null &&
      state.details.introducerId === introducerId.toLowerCase();
    return own
      ? answer
      : { ...answer, duplicateOf: { ...answer.duplicateOf, originalLeadId: null } };
  }

  private async record(
    submission: LeadSubmission,
    context: SubmissionContext,
  ): Promise<IntakeAnswer> {
    const problems = leadProblems(submission);
    if (problems.length > 0) {
      return context.causeEventId === undefined
        ? { outcome: 'invalid', problems }
        : this.reject(
            submission.leadId,
            { code: 'INVALID_LEAD', reasons: problems, duplicateOf: null },
            context,
            0,
          );
    }
    const leadId = submission.leadId.toLowerCase();
    // The same lead again (a retry, or the other intake): the first outcome stands.
    const { state: current } = await this.leads.load(leadId);
    if ('details' in current && current.details !== null) {
      if (current.details.introducerId !== submission.introducerId.toLowerCase()) {
        // Another introducer's lead: say only that the id is taken, nothing about that lead.
        throw new LeadError(
          LeadErrorCode.ALREADY_RECEIVED,
          `lead id ${leadId} is taken; a new lead needs a new id`,
          'leadId',
        );
      }
    }
    const existing = answerOf(current, true);
    if (existing !== null) {
      // Recording it again decides nothing when the details are the same, and is refused when not.
      if (existing.outcome === 'accepted') {
        await this.receive(submission, context, 0);
      }
      return existing;
    }
    const details = toLeadDetails(submission);
    if (context.replayByExternalReference === true) {
      const first = await this.firstUnderExternalReference(details, leadId);
      if (first !== null) {
        return first;
      }
    }
    const [{ state: settings }, introducer] = await Promise.all([
      this.settings.load(),
      this.partners.introducer(details.introducerId),
    ]);
    const leadType = settings.leadTypes.find((entry) => entry.slug === details.leadType) ?? null;
    const refusal = refusalBeforeDeduplication(details, { leadType, introducer });
    if (refusal !== null) {
      return this.reject(leadId, refusal, context, 0);
    }
    const rules = effectiveDuplicateRules(settings.duplicateRules);
    const ruleKeys = rules.map((rule) => ({ rule, keys: matchKeys(details, rule) }));
    const now = this.clock.now().toISOString();
    const correlationId = context.correlationId ?? this.ids.next();
    const finding = await this.claims.settle(leadId, ruleKeys, now, {
      correlationId,
      actor: SYSTEM,
    });
    if (finding?.action === 'reject') {
      return this.reject(
        leadId,
        { code: 'DUPLICATE_LEAD', reasons: [duplicateReason(finding)], duplicateOf: link(finding) },
        context,
        0,
      );
    }
    try {
      await this.receive(submission, context, 0);
    } catch (error) {
      // A claim must never outlive a lead that was not recorded: it would block the person for good.
      if (finding === null) {
        await this.claims.release(leadId, ruleKeys, now, { correlationId, actor: SYSTEM });
      }
      throw error;
    }
    if (finding !== null) {
      await this.leads.issue('LinkDuplicate', leadId, link(finding), {
        actor: SYSTEM,
        correlationId,
        eventId: this.eventIds(context, 1),
      });
    }
    return { outcome: 'accepted', leadId, duplicateOf: finding && link(finding), replayed: false };
  }

  /** The answer of the introducer's earlier lead under the same external reference, if any. */
  private async firstUnderExternalReference(
    details: LeadDetails,
    leadId: string,
  ): Promise<IntakeAnswer | null> {
    const [key] = matchKeys(details, EXTERNAL_REFERENCE_RULE);
    if (key === undefined) {
      return null;
    }
    const first = (await this.claims.holders(key.stream)).find((claim) => claim.leadId !== leadId);
    if (first === undefined) {
      return null;
    }
    const { state } = await this.leads.load(first.leadId);
    // A retry carries the same lead; another lead under a used reference is a duplicate, recorded as one.
    const sameLead = 'details' in state && isUnchanged(state.details, details);
    return sameLead ? answerOf(state, true) : null;
  }

  private async receive(submission: LeadSubmission, context: SubmissionContext, step: number) {
    const { leadId, ...rest } = submission;
    await this.leads.issue(
      'ReceiveLead',
      leadId,
      { ...rest, source: context.source },
      {
        actor: context.actor,
        correlationId: context.correlationId,
        eventId: this.eventIds(context, step),
      },
    );
  }

  private async reject(
    leadId: string,
    rejection: LeadRejection,
    context: SubmissionContext,
    step: number,
  ): Promise<IntakeAnswer> {
    const outcome = await this.leads.issue(
      'RejectLead',
      leadId,
      {
        code: rejection.code,
        reasons: rejection.reasons,
        ...(rejection.duplicateOf === null ? {} : { duplicateOf: rejection.duplicateOf }),
      },
      {
        actor: SYSTEM,
        correlationId: context.correlationId,
        eventId: this.eventIds(context, step),
      },
    );
    return answerOf(outcome.state, false) ?? { outcome: 'invalid', problems: rejection.reasons };
  }

  /** Derived ids for a consumed event's effects (step 0, 1, …), none for HTTP. */
  private eventIds(
    context: SubmissionContext,
    step: number,
  ): ((index: number) => string) | undefined {
    const cause = context.causeEventId;
    return cause === undefined ? undefined : (index) => derivedEventId(cause, step * 10 + index);
  }
}

function link(finding: DuplicateFinding) {
  return {
    originalLeadId: finding.originalLeadId,
    ruleId: finding.ruleId,
    matchedOn: finding.matchedOn,
  };
}

function duplicateReason(finding: DuplicateFinding) {
  return {
    field: finding.matchedOn.includes('external-reference') ? 'externalReference' : 'contact',
    message: `repeats lead ${finding.originalLeadId} (matched on ${finding.matchedOn.join(', ')})`,
  };
}
