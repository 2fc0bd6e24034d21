import type { LeadCommand } from '../commands/lead-commands';
import type { LeadEvent } from '../events/lead-events';
import type { LeadState } from '../model/lead-state';
import { assertValidMetadata } from '../validation/metadata';
import { assertActorMayIssue } from './actor-rules';
import { decideDelivery, decideDeliveryFailure } from './decide-delivery';
import { decideLink, decideReceive, decideReject } from './decide-intake';
import {
  decideAcceptReferral,
  decideDeclineReferral,
  decideExpireReferral,
} from './decide-referral';
import { decideAcceptReturn, decideDeclineReturn, decideRequestReturn } from './decide-return';
import { decideAllocate, decideRefer } from './decide-routing';
import { decideStatus } from './decide-status';
import { decideErasure } from './decide-erasure';
import { liveLead } from './guards';

/**
 * Decides what a command to a lead changes, as events, or throws a
 * `LeadError`. Pure: time and actor come from the command's metadata. A
 * command that would change nothing decides no events (safe to redeliver).
 */
export function decideLead(command: LeadCommand, state: LeadState): LeadEvent[] {
  assertValidMetadata(command.metadata);
  assertActorMayIssue(command);
  switch (command.type) {
    case 'ReceiveLead':
      return decideReceive(command, state);
    case 'RejectLead':
      return decideReject(command, state);
    case 'LinkDuplicate':
      return decideLink(command, liveLead(state, command));
    case 'AllocateLead':
      return decideAllocate(command, liveLead(state, command));
    case 'ReferLead':
      return decideRefer(command, liveLead(state, command));
    case 'AcceptReferral':
      return decideAcceptReferral(command, liveLead(state, command));
    case 'DeclineReferral':
      return decideDeclineReferral(command, liveLead(state, command));
    case 'ExpireReferral':
      return decideExpireReferral(command, liveLead(state, command));
    case 'RecordDelivery':
      return decideDelivery(command, liveLead(state, command));
    case 'RecordDeliveryFailure':
      return decideDeliveryFailure(command, liveLead(state, command));
    case 'ChangeLeadStatus':
      return decideStatus(command, liveLead(state, command));
    case 'RequestReturn':
      return decideRequestReturn(command, liveLead(state, command));
    case 'AcceptReturn':
      return decideAcceptReturn(command, liveLead(state, command));
    case 'DeclineReturn':
      return decideDeclineReturn(command, liveLead(state, command));
    case 'ErasePersonalData':
      return decideErasure(command, state);
    default: {
      // A new command type fails to compile here until it is decided.
      const _exhaustive: never = command;
      throw new Error(`unknown lead command ${JSON.stringify(_exhaustive)}`);
    }
  }
}
