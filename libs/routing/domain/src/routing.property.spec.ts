import fc from 'fast-check';
import { WEEKDAYS, type DayWindow, type Weekday, type WeeklySchedule } from '@leadrail/schedule';
import { decideRouting, type PartnerStanding } from './decision/decide-routing';
import { RoutingError } from './errors/routing-error';
import { partnerLedgerAggregate as ledgerAggregate } from './ledger/ledger-aggregate';
import type { LedgerCommand } from './ledger/ledger-commands';
import type { PartnerLedgerState } from './ledger/ledger-state';
import {
  FUNDED_BILLING_POINTS,
  ROUTING_BILLING_POINTS,
  type RoutingPartner,
} from './model/routing-partner';
import { INITIAL_ROTATION, type RotationState } from './strategy/routing-strategy';
import { byRouting, gbp, leadToRoute, routingPartner } from './testing/routing-scenario';

// The property: over generated settings, schedules, limits, balances
// and arrival times, routing decisions applied to the ledgers (some decided
// from stale state, as a racing instance would) never allocate over a daily
// or monthly limit, outside the schedule, or beyond the funds.

const ZONES = ['Europe/London', 'America/New_York', 'UTC', 'Asia/Kolkata', 'Australia/Sydney'];
/** Just before a clock change, a month end, or both (UTC). */
const STARTS = [
  '2026-03-07T20:00:00Z', // New York springs forward 8 March 02:00
  '2026-03-28T20:00:00Z', // London springs forward 29 March 01:00 GMT
  '2026-10-24T20:00:00Z', // London falls back 25 October 02:00 BST
  '2026-10-31T18:00:00Z', // month end; New York falls back 1 November 02:00 EDT
  '2026-04-04T10:00:00Z', // Sydney falls back 5 April
];
const TIMES = [
  '00:00',
  '00:30',
  '01:00',
  '01:30',
  '02:00',
  '02:30',
  '03:00',
  '09:00',
  '17:00',
  '22:00',
  '23:30',
];

const dayWindow: fc.Arbitrary<DayWindow> = fc.record({
  enabled: fc.boolean(),
  from: fc.constantFrom(...TIMES),
  to: fc.constantFrom(...TIMES),
});
const schedule: fc.Arbitrary<WeeklySchedule> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  days: fc
    .tuple(...WEEKDAYS.map(() => dayWindow))
    .map(
      (windows) =>
        Object.fromEntries(WEEKDAYS.map((day, index) => [day, windows[index]])) as Record<
          Weekday,
          DayWindow
        >,
    ),
});
const partnerSettings = fc.record({
  priority: fc.integer({ min: 0, max: 2 }),
  daily: fc.integer({ min: 0, max: 3 }),
  monthly: fc.integer({ min: 0, max: 6 }),
  postPayCredit: fc.option(fc.integer({ min: 0, max: 8000 }), { nil: null }),
  balance: fc.integer({ min: 0, max: 12000 }),
  leadValue: fc.integer({ min: 500, max: 4000 }),
  billingPoint: fc.constantFrom(...ROUTING_BILLING_POINTS),
  paused: fc.constantFrom(false, false, false, true),
  schedule,
});
type Step =
  | { kind: 'lead'; afterMinutes: number; staleBy: number; fundsLag: number }
  | { kind: 'release'; pick: number }
  | { kind: 'settle'; pick: number }
  | { kind: 'top-up'; pick: number; amount: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('lead' as const),
      afterMinutes: fc.integer({ min: 0, max: 400 }),
      staleBy: fc.integer({ min: 0, max: 3 }),
      fundsLag: fc.integer({ min: 0, max: 2 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('settle' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('top-up' as const),
      pick: fc.nat(),
      amount: fc.integer({ min: 1, max: 5000 }),
    }),
  },
);

/** What the simulation itself knows, independently of the ledger: the oracle's records. */
interface Held {
  partnerId: string;
  leadId: string;
  at: Date;
  reserved: number;
  charged: boolean;
}

interface World {
  partners: RoutingPartner[];
  ledgers: Map<string, PartnerLedgerState[]>; // every state, newest last
  balances: Map<string, number[]>; // balance by account revision
  held: Held[];
  /** Broken invariants, in words: the property asserts there are none. */
  violations: string[];
}

function newestOf<T>(history: T[] | undefined, behind = 0): T {
  const value = history?.[Math.max(0, history.length - 1 - behind)];
  if (value === undefined) {
    throw new Error('empty history');
  }
  return value;
}

function standings(world: World, staleBy: number, fundsLag: number): PartnerStanding[] {
  return world.partners.map((partner) => {
    const balances = world.balances.get(partner.partnerId) ?? [];
    const revision = Math.max(0, balances.length - 1 - fundsLag);
    return {
      partner,
      ledger: newestOf(world.ledgers.get(partner.partnerId), staleBy),
      funds: { balance: gbp(balances[revision] ?? 0), revision },
    };
  });
}

function apply(world: World, partnerId: string, command: LedgerCommand): void {
  const history = world.ledgers.get(partnerId) ?? [];
  const events = ledgerAggregate.decide(command, newestOf(history));
  history.push(events.reduce(ledgerAggregate.evolve, newestOf(history)));
}

/** Routes one lead: decide (perhaps from stale state), allocate, and on a refusal decide again fresh. */
function route(world: World, leadId: string, now: Date, staleBy: number, fundsLag: number): void {
  let rotation: RotationState = INITIAL_ROTATION;
  const tried: string[] = [];
  for (let attempt = 0; attempt < 4; attempt++) {
    const fresh = attempt > 0;
    const decision = decideRouting({
      lead: leadToRoute({ leadId }),
      partners: standings(world, fresh ? 0 : staleBy, fresh ? 0 : fundsLag),
      tried,
      holding: world.held.filter((held) => held.leadId === leadId).map((held) => held.partnerId),
      strategy: { method: attempt % 2 === 0 ? 'round-robin' : 'weighted', maxPartners: 2 },
      rotation,
      now,
    });
    rotation = decision.rotation;
    if (decision.outcome.type === 'unroutable') {
      return;
    }
    let refused = false;
    for (const plan of decision.outcome.allocations) {
      try {
        apply(world, plan.partnerId, {
          type: 'AllocateLead',
          data: plan.allocate,
          metadata: byRouting(now.toISOString()),
        });
        tried.push(plan.partnerId);
        world.held.push({
          partnerId: plan.partnerId,
          leadId,
          at: now,
          reserved: plan.allocate.reservation?.amount.amount ?? 0,
          charged: false,
        });
      } catch (error) {
        if (!(error instanceof RoutingError)) {
          throw error;
        }
        // The eligibility of a decision from fresh state must agree with the ledger.
        if (fresh) {
          world.violations.push(`${plan.partnerId} refused a fresh decision: ${error.code}`);
        }
        refused = true;
      }
    }
    if (!refused) {
      return;
    }
  }
}

const localDay = (timeZone: string, at: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);

/** The oracle's own schedule check: local weekday and minutes, today's window or yesterday's spill. */
function open(schedule: WeeklySchedule, at: Date): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: schedule.timeZone,
    weekday: 'short',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  const today = WEEKDAYS.indexOf(get('weekday').toLowerCase() as Weekday);
  const minutes = Number(get('hour')) * 60 + Number(get('minute'));
  const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  const window = schedule.days[WEEKDAYS[today] ?? 'mon'];
  const yesterday = schedule.days[WEEKDAYS[(today + 6) % 7] ?? 'mon'];
  const [from, to] = [toMinutes(window.from), toMinutes(window.to)];
  const [yFrom, yTo] = [toMinutes(yesterday.from), toMinutes(yesterday.to)];
  const todayOpen =
    window.enabled &&
    (from === to || (from < to ? minutes >= from && minutes < to : minutes >= from));
  return todayOpen || (yesterday.enabled && yTo < yFrom && minutes < yTo);
}

/** Checks the invariants from the simulation's own records, recording what is broken. */
function checkInvariants(world: World): void {
  const broken = (what: string): void => {
    world.violations.push(what);
  };
  for (const partner of world.partners) {
    const mine = world.held.filter((held) => held.partnerId === partner.partnerId);
    const { partnerId, schedule, limits } = partner;
    const perDay = new Map<string, number>();
    const perMonth = new Map<string, number>();
    for (const held of mine) {
      if (!open(schedule, held.at)) {
        broken(`${partnerId} got ${held.leadId} outside its schedule at ${held.at.toISOString()}`);
      }
      const day = localDay(schedule.timeZone, held.at);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
      perMonth.set(day.slice(0, 7), (perMonth.get(day.slice(0, 7)) ?? 0) + 1);
    }
    for (const [day, count] of perDay) {
      if (limits.daily > 0 && count > limits.daily) {
        broken(`${partnerId} holds ${count} leads of ${day}, daily limit ${limits.daily}`);
      }
    }
    for (const [month, count] of perMonth) {
      if (limits.monthly > 0 && count > limits.monthly) {
        broken(`${partnerId} holds ${count} leads of ${month}, monthly limit ${limits.monthly}`);
      }
    }
    if (FUNDED_BILLING_POINTS.includes(partner.billingPoint)) {
      const credit = partner.payment.mode === 'post-pay' ? partner.payment.creditLimit.amount : 0;
      const balance = newestOf(world.balances.get(partnerId));
      const reserved = mine
        .filter((held) => !held.charged)
        .reduce((sum, held) => sum + held.reserved, 0);
      if (balance + credit - reserved < 0) {
        broken(`${partnerId} balance ${balance} + credit ${credit} < reserved ${reserved}`);
      }
    }
  }
}

describe('routing decisions applied to partner ledgers', () => {
  it('never allocate over a limit, outside the schedule, or beyond the funds', () => {
    fc.assert(
      fc.property(
        fc.array(partnerSettings, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...STARTS),
        fc.array(step, { minLength: 1, maxLength: 60 }),
        (settings, start, steps) => {
          const world: World = {
            partners: [],
            ledgers: new Map(),
            balances: new Map(),
            held: [],
            violations: [],
          };
          settings.forEach((setting, index) => {
            const partnerId = `p${index}`;
            world.partners.push(
              routingPartner({
                partnerId,
                priority: setting.priority,
                paused: setting.paused,
                schedule: setting.schedule,
                limits: { daily: setting.daily, monthly: setting.monthly },
                defaultLeadValue: gbp(setting.leadValue),
                payment:
                  setting.postPayCredit === null
                    ? { mode: 'pre-pay' }
                    : { mode: 'post-pay', creditLimit: gbp(setting.postPayCredit) },
                billingPoint: setting.billingPoint,
              }),
            );
            world.ledgers.set(partnerId, [ledgerAggregate.initialState()]);
            world.balances.set(partnerId, [setting.postPayCredit === null ? setting.balance : 0]);
          });
          let now = new Date(start);
          steps.forEach((next, index) => {
            if (next.kind === 'lead') {
              now = new Date(now.getTime() + next.afterMinutes * 60_000);
              route(world, `lead-${index}`, now, next.staleBy, next.fundsLag);
            } else if (next.kind === 'top-up') {
              const partner = world.partners[next.pick % world.partners.length];
              const balances = world.balances.get(partner?.partnerId ?? '') ?? [];
              balances.push(newestOf(balances) + next.amount);
            } else {
              const open = world.held.filter((held) => !held.charged);
              const held = open[next.pick % Math.max(open.length, 1)];
              if (held !== undefined) {
                settleOrRelease(world, held, next.kind);
              }
            }
            checkInvariants(world);
          });
          expect(world.violations).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

function settleOrRelease(world: World, held: Held, kind: 'settle' | 'release'): void {
  const { partnerId, leadId } = held;
  if (kind === 'release') {
    apply(world, partnerId, {
      type: 'ReleaseAllocation',
      data: { partnerId, leadId, reason: 'delivery-failed' },
      metadata: byRouting(),
    });
    world.held.splice(world.held.indexOf(held), 1);
    return;
  }
  // Billing charges the reserved value first, then routing settles the reservation.
  const balances = world.balances.get(partnerId) ?? [];
  balances.push(newestOf(balances) - held.reserved);
  held.charged = true;
  apply(world, partnerId, {
    type: 'SettleReservation',
    data: { partnerId, leadId, accountRevision: balances.length - 1 },
    metadata: byRouting(),
  });
}
