import { Injectable } from '@nestjs/common';

/** Set when SIGTERM arrives, so readiness fails before the service stops taking work. */
@Injectable()
export class LifecycleState {
  private shuttingDown = false;

  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }
}
