/** Injection token: the service's handlers of integration events (ServiceDefinition.handlers). */
export const INTEGRATION_EVENT_HANDLERS = Symbol('INTEGRATION_EVENT_HANDLERS');
