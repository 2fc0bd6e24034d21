import { deciderSpecification } from '@leadrail/decider-testing';
import { LeadErrorCode } from '../errors/lead-error';
import { leadAggregate } from '../lead-aggregate';
import {
  INTRODUCER_ID,
  LEAD_ID,
  OCCURRED_AT,
  ORIGINAL_LEAD_ID,
  SUBMISSION,
  allocated,
  byOperator,
  bySystem,
  command,
  event,
  received,
  referred,
} from '../testing/lead-scenario';
import { toLeadDetails } from '../validation/lead-details';

const spec = deciderSpecification(leadAggregate);
const fromCrm = { channel: 'internal', publisher: 'acme.crm' } as const;
const receive = command('ReceiveLead', { ...SUBMISSION, source: fromCrm }, bySystem());
const link = {
  originalLeadId: ORIGINAL_LEAD_ID,
  ruleId: 'email-30-days',
  matchedOn: ['email'] as const,
};
const invalidReason = { field: 'contact.email', message: 'must be an email address' };

describe('ReceiveLead', () => {
  it('records a valid lead from an internal publisher', () => {
    spec
      .given([])
      .when(receive)
      .then([
        event('LeadReceived', {
          details: toLeadDetails(SUBMISSION),
          source: fromCrm,
          recordedAt: OCCURRED_AT,
        }),
      ]);
  });

  it('records a lead an introducer submits over HTTP for itself', () => {
    const byIntroducer = {
      actor: { type: 'introducer', id: INTRODUCER_ID },
      occurredAt: OCCURRED_AT,
    } as const;
    spec
      .given([])
      .when(command('ReceiveLead', { ...SUBMISSION, source: { channel: 'http' } }, byIntroducer))
      .then([
        event('LeadReceived', {
          details: toLeadDetails(SUBMISSION),
          source: { channel: 'http' },
          recordedAt: OCCURRED_AT,
        }),
      ]);
  });

  it('refuses an introducer submitting a lead as another introducer', () => {
    const asOther = {
      actor: { type: 'introducer', id: 'someone-else' },
      occurredAt: OCCURRED_AT,
    } as const;
    spec
      .given([])
      .when(command('ReceiveLead', { ...SUBMISSION, source: { channel: 'http' } }, asOther))
      .thenThrows({ code: LeadErrorCode.ACTOR_NOT_ALLOWED, field: 'metadata.actor.id' });
  });

  it('refuses an invalid lead with every field problem', () => {
    const contact = { ...SUBMISSION.contact, email: 'not-an-email', phone: '07700 900123' };
    spec
      .given([])
      .when(command('ReceiveLead', { ...SUBMISSION, contact, source: fromCrm }))
      .thenThrows({
        code: LeadErrorCode.INVALID_LEAD,
        field: 'contact.email',
        problems: [
          { field: 'contact.email', message: 'must be an email address, e.g. jane@example.com' },
          { field: 'contact.phone', message: 'must be an E.164 phone number, e.g. +447700900123' },
        ],
      });
  });

  it('decides nothing when the same lead arrives again', () => {
    spec.given([received()]).when(receive).then([]);
  });

  it('refuses other details under an id already received', () => {
    spec
      .given([received()])
      .when(command('ReceiveLead', { ...SUBMISSION, leadType: 'remortgage', source: fromCrm }))
      .thenThrows({ code: LeadErrorCode.ALREADY_RECEIVED, field: 'leadId' });
  });

  it('refuses a lead whose id was rejected', () => {
    const rejection = {
      code: 'INVALID_LEAD',
      reasons: [invalidReason],
      duplicateOf: null,
    } as const;
    spec
      .given([event('LeadRejected', { rejection, rejectedAt: OCCURRED_AT })])
      .when(receive)
      .thenThrows(LeadErrorCode.LEAD_REJECTED);
  });

  it('refuses metadata without a UTC instant', () => {
    spec
      .given([])
      .when(
        command(
          'ReceiveLead',
          { ...SUBMISSION, source: fromCrm },
          bySystem({ occurredAt: '2026-11-25T10:00:00+01:00' }),
        ),
      )
      .thenThrows({ code: LeadErrorCode.INVALID_METADATA, field: 'metadata.occurredAt' });
  });
});

describe('RejectLead', () => {
  const reject = command('RejectLead', { code: 'INVALID_LEAD', reasons: [invalidReason] });
  const rejected = event('LeadRejected', {
    rejection: { code: 'INVALID_LEAD', reasons: [invalidReason], duplicateOf: null },
    rejectedAt: OCCURRED_AT,
  });

  it('rejects a lead that was never recorded, with field-level reasons', () => {
    spec.given([]).when(reject).then([rejected]);
  });

  it('rejects a received lead as a duplicate, naming the original', () => {
    spec
      .given([received()])
      .when(command('RejectLead', { code: 'DUPLICATE_LEAD', reasons: [], duplicateOf: link }))
      .then([
        event('LeadRejected', {
          rejection: { code: 'DUPLICATE_LEAD', reasons: [], duplicateOf: link },
          rejectedAt: OCCURRED_AT,
        }),
      ]);
  });

  it('decides nothing when the same rejection arrives again', () => {
    spec.given([rejected]).when(reject).then([]);
  });

  it('refuses another rejection of a rejected lead', () => {
    spec
      .given([rejected])
      .when(command('RejectLead', { code: 'UNKNOWN_LEAD_TYPE', reasons: [] }, byOperator()))
      .thenThrows(LeadErrorCode.ALREADY_REJECTED);
  });

  it('refuses to reject a lead that has been routed', () => {
    spec.given([received(), allocated()]).when(reject).thenThrows(LeadErrorCode.ALREADY_ROUTED);
  });

  it('refuses an invalid-lead rejection without reasons, and a duplicate without its original', () => {
    spec
      .given([])
      .when(command('RejectLead', { code: 'INVALID_LEAD', reasons: [] }))
      .thenThrows({ code: LeadErrorCode.INVALID_COMMAND, field: 'reasons' });
    spec
      .given([])
      .when(command('RejectLead', { code: 'DUPLICATE_LEAD', reasons: [] }))
      .thenThrows({ code: LeadErrorCode.INVALID_COMMAND, field: 'duplicateOf' });
  });
});

describe('LinkDuplicate', () => {
  const linked = event('LeadLinkedAsDuplicate', { duplicateOf: link });

  it('links a received lead to the lead it repeats', () => {
    spec.given([received()]).when(command('LinkDuplicate', link)).then([linked]);
  });

  it('decides nothing when the same link arrives again', () => {
    spec.given([received(), linked]).when(command('LinkDuplicate', link)).then([]);
  });

  it('refuses a link to another original', () => {
    const other = { ...link, originalLeadId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' };
    spec
      .given([received(), referred(), linked])
      .when(command('LinkDuplicate', other))
      .thenThrows({ code: LeadErrorCode.ALREADY_LINKED, field: 'originalLeadId' });
  });

  it('refuses a lead repeating itself', () => {
    spec
      .given([received()])
      .when(command('LinkDuplicate', { ...link, originalLeadId: LEAD_ID.toUpperCase() }))
      .thenThrows({ code: LeadErrorCode.INVALID_COMMAND, field: 'originalLeadId' });
  });

  it('refuses a lead that was never received', () => {
    spec.given([]).when(command('LinkDuplicate', link)).thenThrows(LeadErrorCode.LEAD_NOT_RECEIVED);
  });

  it('refuses an operator: links are made by de-duplication only', () => {
    spec
      .given([received()])
      .when(command('LinkDuplicate', link, byOperator()))
      .thenThrows({ code: LeadErrorCode.ACTOR_NOT_ALLOWED, field: 'metadata.actor.type' });
  });
});
