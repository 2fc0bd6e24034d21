/**
 * OpenTelemetry messaging attribute names (semantic conventions, still
 * incubating there, so spelled out here rather than imported from the
 * unstable entry point).
 */
export const MessagingAttributes = {
  system: 'messaging.system',
  destination: 'messaging.destination.name',
  partition: 'messaging.destination.partition.id',
  operationType: 'messaging.operation.type',
  operationName: 'messaging.operation.name',
  messageId: 'messaging.message.id',
  kafkaKey: 'messaging.kafka.message.key',
  kafkaOffset: 'messaging.kafka.offset',
  consumerGroup: 'messaging.consumer.group.name',
} as const;

/** LeadRail's own span attributes. */
export const LeadRailAttributes = {
  eventType: 'leadrail.event.type',
  eventTypes: 'leadrail.event.types',
  eventCount: 'leadrail.event.count',
  stream: 'leadrail.stream',
  expectedRevision: 'leadrail.expected_revision',
  position: 'leadrail.position',
  outcome: 'leadrail.consume.outcome',
} as const;
