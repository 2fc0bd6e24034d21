import type { PauseDeliveries, ResumeDeliveries } from '../commands/partner-commands';
import type { DeliveriesPaused, DeliveriesResumed } from '../events/partner-events';
import type { ActivePartner, DeliveryPause } from '../model/partner-state';

/**
 * Pauses deliveries, recording who paused and when. Pausing touches no other
 * setting, so resuming brings back exactly what was there. Already paused: no event.
 */
export function decidePause(command: PauseDeliveries, partner: ActivePartner): DeliveriesPaused[] {
  if (partner.paused !== null) {
    return [];
  }
  const { actor, occurredAt } = command.metadata;
  // The actor rules let only operators and partners pause; narrowed here for the type.
  const by: DeliveryPause['by'] = {
    type: actor.type === 'partner' ? 'partner' : 'operator',
    id: actor.id,
  };
  return [
    { type: 'DeliveriesPaused', data: { partnerId: partner.id, pause: { by, at: occurredAt } } },
  ];
}

/** Resumes deliveries, whoever paused them. Not paused: no event. */
export function decideResume(
  _command: ResumeDeliveries,
  partner: ActivePartner,
): DeliveriesResumed[] {
  if (partner.paused === null) {
    return [];
  }
  return [{ type: 'DeliveriesResumed', data: { partnerId: partner.id } }];
}
