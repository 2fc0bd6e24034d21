export * from './free-port';
export * from './embedded-postgres';
export * from './kafka-broker';
export * from './kafka-jars';
export * from './local-stack';
export * from './processes';
export * from './wait-until';
