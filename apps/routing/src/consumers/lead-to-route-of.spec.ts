import { mortgageLeadRecorded } from '@leadrail/leads-contracts';
import { leadToRouteOf } from './lead-to-route-of';

describe(leadToRouteOf.name, () => {
  const data = mortgageLeadRecorded.payload.data;

  it('takes the type, the coarse area, the answers and the recording instant of a recorded lead', () => {
    expect(leadToRouteOf(data)).toEqual({
      leadId: data.leadId,
      leadType: data.leadType,
      area: data.area,
      answers: data.answers,
      recordedAt: data.recordedAt,
    });
  });

  it('reads a lead without answers or address as having none', () => {
    const lead = leadToRouteOf({
      ...data,
      answers: null,
      area: { country: null, city: null, postcodeDistrict: null },
    });
    expect(lead.answers).toEqual({});
    expect(lead.area).toEqual({ country: '', city: null, postcodeDistrict: null });
  });
});
