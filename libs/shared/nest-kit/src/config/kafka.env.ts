import { Expose, Type } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const BROKER_LIST = /^[A-Za-z0-9._-]+:\d{1,5}(,[A-Za-z0-9._-]+:\d{1,5})*$/;

const CONCURRENCY = 'KAFKA_PARTITIONS_CONCURRENTLY must be a whole number from 1 to 64';

export class KafkaEnv {
  @Expose()
  @IsDefined({ message: 'KAFKA_BROKERS is required (host:port[,host:port...])' })
  @Matches(BROKER_LIST, {
    message:
      'KAFKA_BROKERS must be a comma-separated list of host:port, e.g. kafka-1:9092,kafka-2:9092',
  })
  KAFKA_BROKERS!: string;

  /** Consumer group; defaults to leadrail-<service>. Instances of one service share it. */
  @Expose()
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,200}$/, {
    message: 'KAFKA_GROUP_ID may hold only letters, digits, ".", "_" and "-"',
  })
  KAFKA_GROUP_ID?: string;

  /** Partitions of a subscribed topic the service creates because it does not exist yet. */
  @Expose()
  @Type(() => Number)
  @IsInt({ message: 'KAFKA_TOPIC_PARTITIONS must be a whole number from 1 to 1000' })
  @Min(1, { message: 'KAFKA_TOPIC_PARTITIONS must be a whole number from 1 to 1000' })
  @Max(1000, { message: 'KAFKA_TOPIC_PARTITIONS must be a whole number from 1 to 1000' })
  KAFKA_TOPIC_PARTITIONS = 6;

  /** Replicas of such a topic: 3 in production clusters, 1 on a single local broker. */
  @Expose()
  @Type(() => Number)
  @IsInt({ message: 'KAFKA_TOPIC_REPLICATION_FACTOR must be a whole number from 1 to 10' })
  @Min(1, { message: 'KAFKA_TOPIC_REPLICATION_FACTOR must be a whole number from 1 to 10' })
  @Max(10, { message: 'KAFKA_TOPIC_REPLICATION_FACTOR must be a whole number from 1 to 10' })
  KAFKA_TOPIC_REPLICATION_FACTOR = 1;

  /**
   * How long the group waits for a silent member before giving its partitions
   * to another instance (kafkajs default 30 s; the broker allows 6 s and up).
   */
  @Expose()
  @Type(() => Number)
  @IsInt({
    message: 'KAFKA_SESSION_TIMEOUT_MS must be a whole number of milliseconds from 6000 to 300000',
  })
  @Min(6000, {
    message: 'KAFKA_SESSION_TIMEOUT_MS must be a whole number of milliseconds from 6000 to 300000',
  })
  @Max(300_000, {
    message: 'KAFKA_SESSION_TIMEOUT_MS must be a whole number of milliseconds from 6000 to 300000',
  })
  KAFKA_SESSION_TIMEOUT_MS = 30_000;

  /**
   * How many of its partitions one instance works on at once (kafkajs
   * `partitionsConsumedConcurrently`). Order holds within a partition (one
   * aggregate's events); across partitions the services are built for
   * instances racing anyway (expected revisions, inbox, locks).
   */
  @Expose()
  @Type(() => Number)
  @IsInt({ message: CONCURRENCY })
  @Min(1, { message: CONCURRENCY })
  @Max(64, { message: CONCURRENCY })
  KAFKA_PARTITIONS_CONCURRENTLY = 4;
}
