import type { Provider } from '@nestjs/common';
import { randomIds } from '@leadrail/event-store';
import { CLOCK, systemClock } from './clock';
import { IDS } from './ids';

/** The production clock and ids; a test overrides either provider to fix them. */
export const portProviders: Provider[] = [
  { provide: CLOCK, useValue: systemClock },
  { provide: IDS, useValue: randomIds },
];
