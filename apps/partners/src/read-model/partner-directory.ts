import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Filters of the partner list; each is optional. */
export interface PartnerListFilter {
  status?: 'active' | 'inactive';
  role?: 'introducer' | 'partner';
  paused?: boolean;
  /** Part of the name, any case, matched as text (`%` and `_` only match themselves). */
  name?: string;
}

// A list for an operator's screen, not an export.
const MAX_ROWS = 500;

/** Reads of the `partner_directory` read model (kept by PartnerDirectoryProjection). */
@Injectable()
export class PartnerDirectory {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(filter: PartnerListFilter): Promise<object[]> {
    const query = this.dataSource
      .createQueryBuilder()
      .select(['directory.state AS state', 'directory.revision AS revision'])
      .from('partner_directory', 'directory')
      .orderBy('lower(directory.name)')
      .limit(MAX_ROWS);
    if (filter.status !== undefined) {
      query.andWhere('directory.status = :status', { status: filter.status });
    }
    if (filter.role !== undefined) {
      query.andWhere(filter.role === 'introducer' ? 'directory.introducer' : 'directory.partner');
    }
    if (filter.paused !== undefined) {
      query.andWhere('directory.paused = :paused', { paused: filter.paused });
    }
    if (filter.name !== undefined) {
      query.andWhere("lower(directory.name) LIKE '%' || lower(:name) || '%' ESCAPE '\\'", {
        name: filter.name.replace(/[\\%_]/g, '\\$&'),
      });
    }
    const rows = await query.getRawMany<{ state: object; revision: string }>();
    return rows.map((row) => ({ ...row.state, revision: Number(row.revision) }));
  }
}
