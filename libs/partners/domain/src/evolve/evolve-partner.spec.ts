import { evolvePartner } from './evolve-partner';
import { initialPartnerState } from '../model/partner-state';
import {
  OCCURRED_AT,
  PARTNER_ID,
  REGISTERED_AT,
  defaultSettings,
  event,
  gbp,
  registered,
  registeredAsBoth,
  stateAfter,
} from '../testing/partner-scenario';

const paused = event('DeliveriesPaused', {
  pause: { by: { type: 'partner', id: PARTNER_ID }, at: OCCURRED_AT },
});

describe(evolvePartner.name, () => {
  it('makes a registered partner active with the settings it was registered with', () => {
    expect(stateAfter([registered()])).toEqual({
      status: 'active',
      id: PARTNER_ID,
      name: 'Acme Leads',
      currency: 'GBP',
      registeredAt: REGISTERED_AT,
      settings: defaultSettings(),
      paused: null,
    });
  });

  it('changes only the setting an event is about', () => {
    const before = stateAfter([registered()]);
    const after = evolvePartner(
      before,
      event('DeliveryLimitsChanged', { limits: { daily: 3, monthly: 60 } }),
    );

    expect(after).toEqual({
      ...before,
      settings: { ...defaultSettings(), limits: { daily: 3, monthly: 60 } },
    });
  });

  it('sets the lead cost and lead value of a partner that is both', () => {
    const state = stateAfter([
      registeredAsBoth(),
      event('LeadCostSet', { leadCost: gbp(1100) }),
      event('LeadValueSet', { leadValue: gbp(2700) }),
    ]);

    expect(state).toMatchObject({
      settings: {
        partnerType: { introducer: true, partner: true, leadCost: gbp(1100), leadValue: gbp(2700) },
      },
    });
  });

  it('records who paused deliveries and touches nothing else', () => {
    const before = stateAfter([registered()]);
    const after = evolvePartner(before, paused);

    expect(after).toEqual({ ...before, paused: paused.data.pause });
  });

  it('restores the partner exactly as it was when deliveries resume', () => {
    const before = stateAfter([registered()]);

    expect(stateAfter([registered(), paused, event('DeliveriesResumed', {})])).toEqual(before);
  });

  it('keeps the reason of a deactivation and forgets it on reactivation', () => {
    const deactivated = event('PartnerDeactivated', {
      reason: 'Fraud',
      deactivatedAt: OCCURRED_AT,
    });

    expect(stateAfter([registered(), deactivated])).toMatchObject({
      status: 'inactive',
      deactivation: { reason: 'Fraud', at: OCCURRED_AT },
    });
    expect(stateAfter([registered(), deactivated, event('PartnerReactivated', {})])).toEqual(
      stateAfter([registered()]),
    );
  });

  it('leaves an unregistered partner unregistered by events that need a registration', () => {
    expect(evolvePartner(initialPartnerState(), paused)).toEqual({ status: 'unregistered' });
  });
});
