import { Inject, Injectable } from '@nestjs/common';
import { type RoutingStrategy, leadTypeStrategy } from '@leadrail/routing-domain';
import { DataSource } from 'typeorm';

/** Reads of routing's view of lead types (table `routing_lead_types`, kept by RoutingLeadTypesHandler). */
@Injectable()
export class LeadTypeStrategies {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * How leads of the type are routed: by its routing method, exclusively; the
   * default strategy (exclusive round-robin) for a type routing has not heard of.
   */
  async of(leadType: string): Promise<RoutingStrategy> {
    const rows = await this.dataSource.query<{ routing_method: string }[]>(
      'SELECT routing_method FROM routing_lead_types WHERE lead_type = $1',
      [leadType],
    );
    return leadTypeStrategy(rows[0]?.routing_method ?? null);
  }
}
