import { Expose } from 'class-transformer';
import { IsDefined, IsOptional, Matches } from 'class-validator';

const BROKER_LIST = /^[A-Za-z0-9._-]+:\d{1,5}(,[A-Za-z0-9._-]+:\d{1,5})*$/;

export class KafkaEnv {
  @Expose()
  @IsDefined({ message: 'KAFKA_BROKERS is required (host:port[,host:port...])' })
  @Matches(BROKER_LIST, {
    message: 'KAFKA_BROKERS must be a comma-separated list of host:port, e.g. kafka-1:9092,kafka-2:9092',
  })
  KAFKA_BROKERS!: string;

  /** Consumer group; defaults to leadrail-<service>. Instances of one service share it. */
  @Expose()
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,200}$/, { message: 'KAFKA_GROUP_ID may hold only letters, digits, ".", "_" and "-"' })
  KAFKA_GROUP_ID?: string;
}
