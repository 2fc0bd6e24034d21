import { Injectable } from '@nestjs/common';
import { INITIAL_ROTATION, type RotationState } from '@leadrail/routing-domain';

/**
 * Where round-robin stands per lead type, in this process's memory. It serves
 * fairness only, never a limit (docs/routing-domain.md): a restart or another
 * instance's own cursor only makes a partner wait a turn longer.
 */
@Injectable()
export class Rotations {
  private readonly byLeadType = new Map<string, RotationState>();

  of(leadType: string): RotationState {
    return this.byLeadType.get(leadType) ?? INITIAL_ROTATION;
  }

  set(leadType: string, rotation: RotationState): void {
    this.byLeadType.set(leadType, rotation);
  }
}
