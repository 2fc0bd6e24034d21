import { partnerAggregate } from './partner-aggregate';
import { partnerStream } from './model/partner-stream';
import type { PartnerEvent } from './events/partner-events';
import type { PartnerCommand } from './commands/partner-commands';
import type { PartnerState } from './model/partner-state';
import { PARTNER_ID, command, gbp } from './testing/partner-scenario';

/** Runs commands as a command handler would: fold, decide, append. */
function run(commands: PartnerCommand[]): { events: PartnerEvent[]; state: PartnerState } {
  const events: PartnerEvent[] = [];
  for (const next of commands) {
    const state = events.reduce(partnerAggregate.evolve, partnerAggregate.initialState());
    events.push(...partnerAggregate.decide(next, state));
  }
  return { events, state: events.reduce(partnerAggregate.evolve, partnerAggregate.initialState()) };
}

describe('partnerAggregate', () => {
  it('starts every partner stream unregistered', () => {
    expect(partnerAggregate.initialState()).toEqual({ status: 'unregistered' });
  });

  it('records a partner life from registration to deactivation, skipping repeated commands', () => {
    const setValue = command('SetLeadValue', { leadValue: gbp(3000) });
    const { events, state } = run([
      command('RegisterPartner', {
        name: 'Acme Leads',
        currency: 'GBP',
        partnerType: { introducer: false, partner: true, leadValue: gbp(2500) },
      }),
      setValue,
      setValue,
      command('DeactivatePartner', { reason: 'Closed down' }),
    ]);

    expect(events.map((recorded) => recorded.type)).toEqual([
      'PartnerRegistered',
      'LeadValueSet',
      'PartnerDeactivated',
    ]);
    expect(state).toMatchObject({
      status: 'inactive',
      settings: { partnerType: { leadValue: gbp(3000) } },
      deactivation: { reason: 'Closed down' },
    });
  });

  it('names the stream of a partner partner-<id>', () => {
    expect(partnerStream(PARTNER_ID)).toBe('partner-acme-leads');
  });
});
