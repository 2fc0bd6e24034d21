import { LeadError, LeadErrorCode } from '../errors/lead-error';
import {
  STATUS_BILLING_POINTS,
  type LeadStatusCatalogue,
  type LeadStatusDefinition,
} from '../model/billing-points';

const STATUS = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_STATUSES = 100;

function invalid(message: string, field: string): LeadError {
  return new LeadError(LeadErrorCode.INVALID_COMMAND, message, field);
}

/**
 * Refuses a catalogue a status cannot be judged by: statuses must be distinct
 * slugs, and each billing point may stand for one status at most (two would
 * make "forward" ambiguous).
 */
export function assertValidCatalogue(
  catalogue: LeadStatusCatalogue,
  // Where the list sits in the caller's input: `catalogue.statuses` in a command, `statuses` in a settings body.
  path = 'catalogue.statuses',
): void {
  const statuses = Array.isArray(catalogue?.statuses) ? catalogue.statuses : null;
  if (statuses === null || statuses.length === 0 || statuses.length > MAX_STATUSES) {
    throw invalid(`must list 1-${MAX_STATUSES} statuses`, path);
  }
  const points: readonly (string | null)[] = [...STATUS_BILLING_POINTS, null];
  const seen = new Set<string>();
  const seenPoints = new Set<string>();
  statuses.forEach((definition: Partial<LeadStatusDefinition>, index) => {
    const field = `${path}[${index}]`;
    const { status, billingPoint } = definition;
    if (typeof status !== 'string' || status.length > 50 || !STATUS.test(status)) {
      throw invalid('must be a lower-case slug of at most 50 characters', `${field}.status`);
    }
    if (seen.has(status)) {
      throw invalid(`${status} is listed twice`, `${field}.status`);
    }
    if (billingPoint === undefined || !points.includes(billingPoint)) {
      throw invalid(
        `must be one of ${STATUS_BILLING_POINTS.join(', ')} or null`,
        `${field}.billingPoint`,
      );
    }
    if (billingPoint !== null && seenPoints.has(billingPoint)) {
      throw invalid(`${billingPoint} stands for another status already`, `${field}.billingPoint`);
    }
    seen.add(status);
    if (billingPoint !== null) {
      seenPoints.add(billingPoint);
    }
  });
}

/** The catalogue's definition of `status`, once the catalogue is valid; an unknown status is refused. */
export function statusDefinition(
  catalogue: LeadStatusCatalogue,
  status: string,
): LeadStatusDefinition {
  assertValidCatalogue(catalogue);
  const definition = catalogue.statuses.find((candidate) => candidate.status === status);
  if (definition === undefined) {
    throw new LeadError(
      LeadErrorCode.UNKNOWN_STATUS,
      `must be one of ${catalogue.statuses.map((known) => known.status).join(', ')}`,
      'status',
    );
  }
  return { status: definition.status, billingPoint: definition.billingPoint };
}
