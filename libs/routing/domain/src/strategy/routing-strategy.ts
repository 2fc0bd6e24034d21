/** How partners of equal priority are chosen between. */
export const SELECTION_METHODS = ['round-robin', 'weighted'] as const;

/** One of {@link SELECTION_METHODS}. */
export type SelectionMethod = (typeof SELECTION_METHODS)[number];

/**
 * How one lead type is routed. Priority always comes first; `method` settles
 * ties. `maxPartners` is 1 for exclusive leads (the default) or N for a lead
 * shared with up to N partners.
 */
export interface RoutingStrategy {
  method: SelectionMethod;
  maxPartners: number;
  /**
   * Mixed into the weighted draw, so an operator can reshuffle a lead type
   * without changing weights; the draw is otherwise a function of the lead id.
   */
  seed?: string;
}

/** Exclusive, round-robin among equals: a lead type without its own strategy. */
export const DEFAULT_ROUTING_STRATEGY: RoutingStrategy = { method: 'round-robin', maxPartners: 1 };

/** Whether `value` is one of {@link SELECTION_METHODS}. */
export function isSelectionMethod(value: unknown): value is SelectionMethod {
  return (SELECTION_METHODS as readonly unknown[]).includes(value);
}

/**
 * The strategy of a lead type routed by `method`; the default strategy when
 * the lead type has none routing knows of (`null`, or a method this version
 * does not know). Always exclusive: the leads lifecycle holds one partner per
 * lead, so sharing a lead with N partners is not offered (yet).
 */
export function leadTypeStrategy(method: unknown): RoutingStrategy {
  return isSelectionMethod(method)
    ? { method, maxPartners: DEFAULT_ROUTING_STRATEGY.maxPartners }
    : DEFAULT_ROUTING_STRATEGY;
}

/**
 * Where round-robin stands for one lead type: the partner chosen last. It
 * serves fairness only, never a limit, so it may be kept in the lead type's
 * routing stream or in memory; a lost update makes a partner wait a turn
 * more, nothing worse.
 */
export interface RotationState {
  lastChosen: string | null;
}

/** A lead type nobody has been chosen for yet. */
export const INITIAL_ROTATION: RotationState = { lastChosen: null };
