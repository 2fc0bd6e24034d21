import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { LeadError, LeadErrorCode } from '@leadrail/leads-domain';
import type { Response } from 'express';
import { sendDomainRefusal } from '@leadrail/nest-kit';
import { PersonalDataErasedError } from '../personal-data/sealing-event-store';

/** Refusals that are about the lead's state, not a field's value. */
const STATUS: Partial<Record<LeadErrorCode, number>> = {
  [LeadErrorCode.LEAD_NOT_RECEIVED]: 404,
  [LeadErrorCode.LEAD_TYPE_NOT_FOUND]: 404,
  [LeadErrorCode.ACTOR_NOT_ALLOWED]: 403,
  [LeadErrorCode.ALREADY_RECEIVED]: 409,
  [LeadErrorCode.LEAD_REJECTED]: 409,
  [LeadErrorCode.ALREADY_REJECTED]: 409,
  [LeadErrorCode.ALREADY_ROUTED]: 409,
  [LeadErrorCode.ALREADY_LINKED]: 409,
  [LeadErrorCode.ALREADY_ALLOCATED]: 409,
  [LeadErrorCode.REFERRAL_PENDING]: 409,
  [LeadErrorCode.REFERRAL_NOT_PENDING]: 409,
  [LeadErrorCode.REFERRAL_EXPIRED]: 409,
  [LeadErrorCode.REFERRAL_NOT_EXPIRED]: 409,
  [LeadErrorCode.NOT_ALLOCATED_TO_PARTNER]: 409,
  [LeadErrorCode.ALREADY_DELIVERED]: 409,
  [LeadErrorCode.LEAD_NOT_DELIVERED]: 409,
  [LeadErrorCode.LEAD_RETURNED]: 409,
  [LeadErrorCode.STATUS_MOVES_BACKWARD]: 409,
  [LeadErrorCode.RETURN_WINDOW_CLOSED]: 409,
  [LeadErrorCode.NO_RETURN_REQUESTED]: 409,
  [LeadErrorCode.RETURN_ALREADY_DECIDED]: 409,
  [LeadErrorCode.LEAD_TYPE_EXISTS]: 409,
};

/**
 * The one place lead error codes become HTTP: a refused value is a 400 naming
 * its field (every field of an invalid lead), a state conflict 409, a lead
 * that is not there (or not the partner's) 404, and a lead whose personal
 * data was erased 410.
 */
@Catch(LeadError, PersonalDataErasedError)
export class LeadErrorsFilter implements ExceptionFilter {
  catch(error: LeadError | PersonalDataErasedError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof PersonalDataErasedError) {
      response
        .status(410)
        .json({ statusCode: 410, error: 'PERSONAL_DATA_ERASED', message: error.message });
      return;
    }
    sendDomainRefusal(host, error, STATUS[error.code] ?? 400);
  }
}
