import { Inject, Injectable } from '@nestjs/common';
import type { KnownLeadType } from '@leadrail/partners-domain';
import { DataSource } from 'typeorm';

/** Reads of `known_lead_types` (kept by KnownLeadTypesHandler). */
@Injectable()
export class KnownLeadTypes {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** What is known of the lead types named, each once; a slug never announced is left out. */
  async of(slugs: readonly string[]): Promise<KnownLeadType[]> {
    const named = [...new Set(slugs.filter((slug) => typeof slug === 'string'))];
    if (named.length === 0) {
      return [];
    }
    return this.dataSource.query<KnownLeadType[]>(
      'SELECT slug, active FROM known_lead_types WHERE slug = ANY($1::text[])',
      [named],
    );
  }
}
