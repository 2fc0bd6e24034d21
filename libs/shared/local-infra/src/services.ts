/** LeadRail's services, in the order `npm start` gives them ports from its base port. */
export const SERVICES = [
  'partners',
  'leads',
  'routing',
  'delivery',
  'billing',
  'notifications',
] as const;

/** One of {@link SERVICES}. */
export type ServiceName = (typeof SERVICES)[number];
