import type { LeadRecordedV1Data } from '@leadrail/leads-contracts';
import type { LeadToRoute } from '@leadrail/routing-domain';

/** A recorded lead as routing decides on it: type, coarse area, answers, when recorded. */
export function leadToRouteOf(data: LeadRecordedV1Data): LeadToRoute {
  return {
    leadId: data.leadId,
    leadType: data.leadType,
    area: {
      country: data.area.country ?? '',
      city: data.area.city,
      postcodeDistrict: data.area.postcodeDistrict,
    },
    answers: { ...(data.answers ?? {}) },
    recordedAt: data.recordedAt,
  };
}
